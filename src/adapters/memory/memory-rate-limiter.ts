import type { RateDecision, RateLimiter } from "../../ports/rate-limiter.ts";

/** Fixed-window rate limiter in process memory: one budget per instance. */
export class MemoryRateLimiter implements RateLimiter {
  #windows = new Map<string, { start: number; count: number }>();

  /** Counts one request for `key`; refuses it once `limit` requests fell in the current window. */
  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision> {
    const start = now - (now % windowMs);
    let w = this.#windows.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.#windows.set(key, w);
      if (this.#windows.size > 100_000) this.#evictOld(start);
    }
    w.count += 1;
    const allowed = w.count <= limit;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - w.count),
      retryAfterMs: allowed ? 0 : start + windowMs - now,
    };
  }

  #evictOld(currentStart: number): void {
    for (const [k, w] of this.#windows) if (w.start !== currentStart) this.#windows.delete(k);
  }
}
