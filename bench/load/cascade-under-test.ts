/**
 * The two L1 + L2 caches the cascade benchmark drives, behind one small interface: ours (TieredCache
 * over LruCacheTier + RedisCacheTier) and the peer (BentoCache, memory + Redis), on the same Redis.
 */
import { BentoCache, bentostore } from "bentocache";
import { memoryDriver } from "bentocache/drivers/memory";
import { redisDriver } from "bentocache/drivers/redis";
import type { Redis } from "ioredis";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { RedisCacheTier } from "../../src/adapters/redis/redis-cache-tier.ts";
import { SystemClock } from "../../src/adapters/system/system-clock.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";

/** What the benchmark needs of a two-level cache. */
export interface CascadeUnderTest {
  /** The value and the level that served it ("L1", "L2"; "unknown" when the cache does not say). */
  get(key: string): Promise<{ readonly value: string; readonly source: string } | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Releases what the cache holds (not the Redis connection, which the caller owns). */
  close(): Promise<void>;
}

/** How long each level may keep a value in the benchmark (longer than any run). */
export const CASCADE_TTL_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------------
// Wiring of OUR cascade. This is the one place that builds it: if TieredCache's constructor or the
// production composition changes (tier TTLs, breaker options), mirror src/app's container here.
// ---------------------------------------------------------------------------------------------------
/** TieredCache over a fresh LruCacheTier (L1) and RedisCacheTier (L2) under `prefix`. */
export function createOurCascade(redis: Redis, prefix: string): CascadeUnderTest {
  const cache = new TieredCache(
    [
      { tier: new LruCacheTier(), ttlMs: CASCADE_TTL_MS },
      { tier: new RedisCacheTier(redis, { prefix }), ttlMs: CASCADE_TTL_MS },
    ],
    new SystemClock(),
  );
  return {
    async get(key) {
      const read = await cache.get(key);
      return read && { value: read.value, source: read.source };
    },
    async set(key, value, ttlMs) {
      await cache.set(key, value, ttlMs);
    },
    async close() {},
  };
}

/** BentoCache with its memory driver (L1, sized like our L1) and Redis driver (L2) under `prefix`. */
export function createBentoCascade(redis: Redis, prefix: string): CascadeUnderTest {
  const bento = new BentoCache({
    default: "cache",
    stores: {
      cache: bentostore()
        .useL1Layer(memoryDriver({ maxItems: 10_000 }))
        .useL2Layer(redisDriver({ connection: redis, prefix })),
    },
  });
  return {
    async get(key) {
      const value: unknown = await bento.get({ key });
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "string") throw new Error("BentoCache returned a non-string value");
      return { value, source: "unknown" };
    },
    async set(key, value, ttlMs) {
      await bento.set({ key, value, ttl: ttlMs });
    },
    async close() {
      // Leaves the caller's Redis connection open (BentoCache does not quit a connection it was given).
      await bento.disconnectAll();
    },
  };
}
