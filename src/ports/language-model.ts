export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/** A JSON-Schema-described structured answer the model must give (Claude: a forced tool). */
export interface OutputSchema {
  name: string;
  description: string;
  jsonSchema: Record<string, unknown>;
}

export interface ModelRequest {
  /** Model id, e.g. "claude-sonnet-4-5". */
  model: string;
  system: string;
  messages: ChatMessage[];
  maxTokens: number;
  outputSchema?: OutputSchema;
  /** What the caller is doing ("qualify", "reply:buyer"...): lets rules-based models pick a behaviour. */
  task?: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
}

export interface ModelResponse {
  /** Text content (may be empty when the answer came as structured output). */
  text: string;
  /** The tool input / structured output, untrusted: validate before use. */
  structured?: unknown;
  usage: TokenUsage;
  /** The model that actually served the request. */
  model: string;
  stopReason: string;
}

export type ModelErrorCode =
  | "rate_limited"
  | "overloaded"
  | "server_error"
  | "timeout"
  | "unavailable"
  | "invalid_request"
  | "auth";

/** A failed model call. `retryable` errors may be retried by the application's single retry layer. */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  constructor(code: ModelErrorCode, message: string, opts: { retryAfterMs?: number; status?: number } = {}) {
    super(message);
    this.name = "ModelError";
    this.code = code;
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
  }
  get retryable(): boolean {
    return ["rate_limited", "overloaded", "server_error", "timeout", "unavailable"].includes(this.code);
  }
}

/** One call to a language model. Implementations do not retry: the application owns the one retry layer. */
export interface LanguageModel {
  readonly name: string;
  complete(request: ModelRequest): Promise<ModelResponse>;
}

export const LANGUAGE_MODEL = Symbol.for("eh.LanguageModel");
export const FALLBACK_MODEL = Symbol.for("eh.FallbackLanguageModel");
