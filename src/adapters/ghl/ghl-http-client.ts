import type { CrmFailureCode } from "../../ports/crm-gateway.ts";
import { type GhlRateLimit, rateLimitWaitMs, readRateLimit } from "./ghl-rate-limit.ts";

/** Why a GoHighLevel call failed, as the CRM port words it. */
export interface GhlFailure {
  code: CrmFailureCode;
  message: string;
  retryAfterMs?: number;
}

/** A call's outcome: the parsed JSON body of a 2xx answer, or the failure. */
export type GhlOutcome = { ok: true; body: unknown } | { ok: false; failure: GhlFailure };

export interface GhlHttpClientOptions {
  baseURL: string;
  token: string;
  timeoutMs: number;
  /** Called with the budget of every response that reports one. */
  onRateLimit: (limit: GhlRateLimit) => void;
}

/** JSON over fetch to GoHighLevel API v2: auth and version headers, a timeout, failures as values. */
export class GhlHttpClient {
  readonly #options: GhlHttpClientOptions;
  readonly #base: string;

  constructor(options: GhlHttpClientOptions) {
    this.#options = options;
    this.#base = options.baseURL.replace(/\/+$/, "");
  }

  /** POSTs `body` as JSON to `path`; never throws. */
  async post(path: string, body: unknown): Promise<GhlOutcome> {
    const { token, timeoutMs } = this.#options;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          Version: "2021-07-28",
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return {
        ok: false,
        failure: { code: "unavailable", message: this.#scrub(describeFetchFailure(error, timeoutMs)) },
      };
    }
    const limit = readRateLimit(response.headers);
    if (limit) this.#options.onRateLimit(limit);
    const json = parseJson(text);
    if (response.ok) {
      return json === undefined
        ? {
            ok: false,
            failure: { code: "unavailable", message: `GoHighLevel ${response.status}: the body is not JSON` },
          }
        : { ok: true, body: json };
    }
    const message = this.#scrub(
      `GoHighLevel ${response.status}: ${serverMessage(json) ?? response.statusText}`,
    );
    const code = failureCode(response.status);
    if (code !== "rate_limited") return { ok: false, failure: { code, message } };
    const wait = rateLimitWaitMs(response.headers, Date.now());
    return {
      ok: false,
      failure: wait === undefined ? { code, message } : { code, message, retryAfterMs: wait },
    };
  }

  #scrub(message: string): string {
    return message.split(this.#options.token).join("[redacted]");
  }
}

function failureCode(status: number): CrmFailureCode {
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "auth";
  if (status >= 500) return "unavailable";
  return "invalid";
}

/** GoHighLevel answers errors as {statusCode, message, error}, where message may be a list of field errors. */
function serverMessage(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const message = (json as { message?: unknown }).message;
  if (typeof message === "string" && message !== "") return message;
  if (Array.isArray(message) && message.length > 0) return message.map(String).join("; ");
  return undefined;
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `GoHighLevel did not answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `GoHighLevel is unreachable: ${reason}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
