/**
 * The database could not answer: unreachable, timed out, shutting down or closed.
 * A stable `code` lets the HTTP layer answer 503 without knowing which driver failed.
 */
export class StoreUnavailableError extends Error {
  readonly code = "store_unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

// Socket-level failures Node reports while connecting or talking to the server.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "EPIPE",
]);

// SQLSTATEs that mean "the server cannot serve you right now", not "your query is wrong":
// class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections,
// query_canceled (what statement_timeout raises).
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

// pg reports its own timeouts and dead connections as plain Errors with these messages.
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|connection terminated|query read timeout|connection error|cannot use a pool after calling end|client was closed|pglite is closed/i;

/** True when `err` says the database is out of reach rather than that a statement failed. */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  if (err instanceof AggregateError) return err.errors.some(isUnavailable);
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08")) return true;
  }
  return UNAVAILABLE_MESSAGE.test(err.message);
}

/** `err` as a StoreUnavailableError when the database is out of reach; otherwise `err` unchanged. */
export function asStoreError(err: unknown, store: string): unknown {
  if (err instanceof StoreUnavailableError || !isUnavailable(err)) return err;
  const detail = err instanceof Error ? err.message || (err as { code?: string }).code : String(err);
  return new StoreUnavailableError(`${store} is unavailable: ${detail}`, { cause: err });
}
