import { APIConnectionError, APIConnectionTimeoutError, APIError, CredentialsError } from "@anthropic-ai/sdk";
import { ModelError, type ModelErrorCode } from "../../ports/language-model.ts";
import { retryAfterMs } from "./retry-after.ts";

/**
 * Translates whatever the SDK threw into the port's ModelError: a code the retry layer understands,
 * the HTTP status, the server's requested wait, and a message with the API key scrubbed out.
 */
export function toModelError(error: unknown, apiKey: string, nowMs: number = Date.now()): ModelError {
  if (error instanceof ModelError) return error;
  const code = codeOf(error);
  const status = error instanceof APIError && typeof error.status === "number" ? error.status : undefined;
  const headers = error instanceof APIError ? error.headers : undefined;
  const wait = headers ? retryAfterMs((name) => headers.get(name), nowMs) : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelError(code, redact(`Claude ${code}: ${detail}`, apiKey), { status, retryAfterMs: wait });
}

function codeOf(error: unknown): ModelErrorCode {
  // Subclass before superclass: a timeout is also a connection error.
  if (error instanceof APIConnectionTimeoutError) return "timeout";
  if (error instanceof APIConnectionError) return "unavailable";
  if (error instanceof CredentialsError) return "auth";
  if (!(error instanceof APIError)) return "server_error";
  const status = error.status;
  if (status === undefined) return "unavailable";
  if (status === 529 || error.type === "overloaded_error") return "overloaded";
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "auth";
  if (status === 408 || status === 504) return "timeout";
  if (status >= 500) return "server_error";
  return "invalid_request";
}

/** The message with every occurrence of the key replaced, so logs and problem+json never carry it. */
export function redact(message: string, secret: string): string {
  if (secret.length === 0) return message;
  const out = message.split(secret).join("[redacted]");
  // The marker next to its neighbours could spell the key again (key "ted]ab" in "[redacted]ab").
  return out.includes(secret) ? "[message withheld: it contained a credential]" : out;
}
