import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { CacheLookup, CacheTier } from "../../ports/cache-tier.ts";
import { CacheTierError, toCacheTierError } from "./cache-tier-error.ts";
import { escapeGlob } from "./glob-pattern.ts";

// Value and remaining TTL in one atomic round-trip (a pipelined GET + PTTL could straddle an expiry).
const GET_WITH_TTL = `local v = redis.call('GET', KEYS[1])
if not v then return nil end
return {v, redis.call('PTTL', KEYS[1])}`;
const GET_WITH_TTL_SHA = createHash("sha1").update(GET_WITH_TTL).digest("hex");

export interface RedisCacheTierOptions {
  /** Namespace of this environment, e.g. "eh:prod:"; every stored key is `<prefix><tenant>:<op>:<hash>`. */
  readonly prefix: string;
  /** Default "L2". */
  readonly name?: string;
  /** SCAN COUNT hint and UNLINK batch size for deleteTenant; default 500. */
  readonly scanCount?: number;
}

/**
 * The L2 tier on Redis (ioredis). Each operation is one command bounded by the client's command
 * timeout (see createRedis); any failure is thrown as a CacheTierError ("timeout" or "unavailable"),
 * never reported as a miss.
 */
export class RedisCacheTier implements CacheTier {
  /** "L2" unless given. */
  readonly name: string;
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #scanCount: number;

  /** A tier over `redis` (owned by the caller, who connects and quits it), keys under `options.prefix`. */
  constructor(redis: Redis, options: RedisCacheTierOptions) {
    const scanCount = options.scanCount ?? 500;
    if (!Number.isSafeInteger(scanCount) || scanCount < 1)
      throw new RangeError("scanCount must be an integer >= 1");
    this.name = options.name ?? "L2";
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#scanCount = scanCount;
  }

  /** The value and its remaining TTL (PTTL, whole ms), or a miss. */
  async get(key: string): Promise<CacheLookup> {
    const reply = await this.#run("get", () => this.#getWithTtl(this.#prefix + key));
    if (reply === null) return { kind: "miss" };
    if (!Array.isArray(reply) || typeof reply[0] !== "string" || typeof reply[1] !== "number") {
      throw new CacheTierError("unavailable", this.name, "get: unexpected reply from Redis");
    }
    const [value, pttl] = reply;
    // -1: the key has no expiry (written by something else); report it as never expiring.
    if (pttl === -1) return { kind: "hit", value, remainingTtlMs: Number.POSITIVE_INFINITY };
    return pttl > 0 ? { kind: "hit", value, remainingTtlMs: pttl } : { kind: "miss" };
  }

  /** SET key value PX ttl (ttl rounded up to whole ms). */
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs))
      throw new RangeError(`${this.name}: ttlMs must be > 0, got ${ttlMs}`);
    await this.#run("set", () => this.#redis.set(this.#prefix + key, value, "PX", Math.ceil(ttlMs)));
  }

  /** UNLINK key (freed in the background by Redis). */
  async delete(key: string): Promise<void> {
    await this.#run("delete", () => this.#redis.unlink(this.#prefix + key));
  }

  /**
   * SCAN MATCH `<prefix><tenant>:*` (glob characters escaped) and UNLINK each page: never KEYS,
   * which blocks Redis for the whole keyspace. Each page is one bounded command; the total is
   * O(keyspace / scanCount) round-trips. Returns how many keys were removed.
   */
  async deleteTenant(tenant: string): Promise<number> {
    const pattern = `${escapeGlob(`${this.#prefix}${tenant}:`)}*`;
    let cursor = "0";
    let removed = 0;
    do {
      const [next, keys] = await this.#run("deleteTenant", () =>
        this.#redis.scan(cursor, "MATCH", pattern, "COUNT", this.#scanCount),
      );
      if (keys.length > 0) removed += await this.#run("deleteTenant", () => this.#redis.unlink(...keys));
      cursor = next;
    } while (cursor !== "0");
    return removed;
  }

  /** EVALSHA, loading the script with EVAL the first time a server has not seen it. */
  async #getWithTtl(key: string): Promise<unknown> {
    try {
      return await this.#redis.evalsha(GET_WITH_TTL_SHA, 1, key);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return this.#redis.eval(GET_WITH_TTL, 1, key);
    }
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw toCacheTierError(this.name, operation, error);
    }
  }
}
