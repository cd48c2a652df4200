import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { SendBudget } from "../../ports/send-budget.ts";

// A sliding window in one sorted set: forget what left the window, grant what still fits, say when the
// oldest grant leaves if not everything fit. Atomic, so instances reserving at once never overshoot.
const RESERVE = `
local now, window, limit, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
local grant = math.max(0, math.min(want, limit - n))
for i = 1, grant do redis.call('ZADD', KEYS[1], now, ARGV[5] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], window)
local retry = now
if grant < want then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if oldest[2] then retry = tonumber(oldest[2]) + window end
end
return {grant, tostring(retry)}`;

export interface RedisSendBudgetOptions {
  /** The Redis key of this budget (one per CRM location). */
  key: string;
  limit: number;
  windowMs: number;
}

/** A sliding-window SendBudget in Redis, shared by every instance that uses the same key. */
export class RedisSendBudget implements SendBudget {
  readonly #redis: Redis;
  readonly #o: RedisSendBudgetOptions;

  constructor(redis: Redis, options: RedisSendBudgetOptions) {
    if (!(Number.isInteger(options.limit) && options.limit >= 1))
      throw new TypeError("limit must be an integer >= 1");
    if (!(options.windowMs > 0)) throw new TypeError("windowMs must be > 0");
    this.#redis = redis;
    this.#o = options;
  }

  /** Reserves up to `count` requests at `now`. */
  async reserve(count: number, now: number): Promise<{ granted: number; retryAt: number }> {
    const { key, windowMs, limit } = this.#o;
    const [granted, retryAt] = (await this.#redis.eval(
      RESERVE,
      1,
      key,
      now,
      windowMs,
      limit,
      count,
      randomUUID(),
    )) as [number, string];
    return { granted: Number(granted), retryAt: Number(retryAt) };
  }
}
