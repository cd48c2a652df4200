export interface RateDecision {
  allowed: boolean;
  /** Requests left in the current window (0 when refused). */
  remaining: number;
  limit: number;
  /** When refused: how long until a request would be allowed. */
  retryAfterMs: number;
}

/**
 * A fixed-window request budget per key (an API key, a tenant). Implementations shared through Redis
 * give every instance of the service one budget.
 */
export interface RateLimiter {
  take(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision>;
}

export const RATE_LIMITER = Symbol.for("eh.RateLimiter");
