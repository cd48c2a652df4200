/** Why a cache tier could not answer: it is unreachable or refused ("unavailable"), or too slow ("timeout"). */
export type CacheTierErrorCode = "unavailable" | "timeout";

/**
 * A cache tier failed to answer. The cascade counts it as that tier's error and moves on; it is never
 * a miss. `code` is stable (for metrics and logs); `cause` keeps the client library's error.
 */
export class CacheTierError extends Error {
  /** "unavailable" or "timeout". */
  readonly code: CacheTierErrorCode;
  /** The tier's name, e.g. "L2". */
  readonly tier: string;

  /** An error of `tier` with a stable `code`; `cause` is the underlying error. */
  constructor(code: CacheTierErrorCode, tier: string, message: string, options: { cause?: unknown } = {}) {
    super(`${tier}: ${message}`, options);
    this.name = "CacheTierError";
    this.code = code;
    this.tier = tier;
  }
}

/** Wraps an ioredis failure: its "Command timed out" becomes "timeout", anything else "unavailable". */
export function toCacheTierError(tier: string, operation: string, cause: unknown): CacheTierError {
  if (cause instanceof CacheTierError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const code: CacheTierErrorCode = /timed out/i.test(message) ? "timeout" : "unavailable";
  return new CacheTierError(code, tier, `${operation} failed: ${message}`, { cause });
}
