import type { Redis } from "ioredis";
import type { RateDecision, RateLimiter } from "../../ports/rate-limiter.ts";

// INCR the window's counter and set its expiry on first use, atomically, in one round-trip.
const TAKE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** Fixed-window rate limiter in Redis: every instance of the service shares one budget per key. */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** Counts one request for `key` in the window containing `now`; refuses past `limit`. */
  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision> {
    const start = now - (now % windowMs);
    const n = Number(
      await this.#redis.eval(TAKE, 1, `${this.#prefix}rl:${key}:${start}`, String(windowMs * 2)),
    );
    const allowed = n <= limit;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - n),
      retryAfterMs: allowed ? 0 : start + windowMs - now,
    };
  }
}
