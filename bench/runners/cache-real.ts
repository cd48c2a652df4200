/**
 * The cache benchmark, real (MEASURED): the real tier stack — lru-cache L1, Redis L2, PostgreSQL L3
 * (PGlite when DATABASE_URL is unset) — on loopback, bounded in size, replaying a seeded Zipf workload of
 * lead queries, after an equally long untimed warm-up. Hit rates come from the workload; each tier's latency is its own get on hits, timed with
 * a real clock; the overall latency is the whole cascade for requests a tier answered.
 */
import type { Redis } from "ioredis";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { PgliteSqlClient } from "../../src/adapters/pglite/pglite-sql-client.ts";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { PostgresCacheTier } from "../../src/adapters/postgres/postgres-cache-tier.ts";
import { PostgresSqlClient, type SqlClient } from "../../src/adapters/postgres/sql-client.ts";
import { RedisCacheTier } from "../../src/adapters/redis/redis-cache-tier.ts";
import { connectRedis, createRedis } from "../../src/adapters/redis/redis-connection.ts";
import { SeededRandom } from "../../src/adapters/simulated/seeded-random.ts";
import { SystemClock } from "../../src/adapters/system/system-clock.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";
import type { CacheTier } from "../../src/ports/cache-tier.ts";
import type { CacheResult, TierName } from "../report/types.ts";
import { figures } from "./latency-figures.ts";
import { realMs, TimedTier } from "./timed-tier.ts";
import { ZipfSampler } from "./zipf.ts";

/** The workload's shape, printed in the report. */
export const REAL_CACHE_WORKLOAD = {
  distinctLeads: 20_000,
  zipfExponent: 1.0,
  l1MaxEntries: 1_000,
  l2MaxEntries: 4_000,
} as const;

/** Runs `operations` reads against real tiers; needs REDIS_URL (default local) and uses DATABASE_URL or PGlite. */
export async function runCacheReal(
  operations: number,
  seed: number,
  onStep: () => void = () => {},
): Promise<
  CacheResult & {
    l3: string;
    degraded: Array<{ tier: string; errors: number; writeErrors: number }>;
  }
> {
  const prefix = `eh:bench:${process.pid}:${Date.now().toString(36)}:`;
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { commandTimeoutMs: 1_000 });
  await connectRedis(redis);
  // L2 is bounded by entry count here (a shared Redis has no per-prefix maxmemory): a sorted set of recent keys.
  const l2 = new BoundedRedisTier(
    new RedisCacheTier(redis, { prefix }),
    redis,
    `${prefix}recent`,
    REAL_CACHE_WORKLOAD.l2MaxEntries,
  );
  const dbUrl = process.env.DATABASE_URL;
  const sql: SqlClient = dbUrl
    ? new PostgresSqlClient({ connectionString: dbUrl, schema })
    : await PgliteSqlClient.open();
  if (dbUrl) await sql.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await migrate(sql);
  const clock = new SystemClock();
  const tiers = [
    new TimedTier(new LruCacheTier({ name: "L1", maxEntries: REAL_CACHE_WORKLOAD.l1MaxEntries }), realMs),
    new TimedTier(l2, realMs),
    new TimedTier(new PostgresCacheTier(sql, clock), realMs),
  ];
  const cache = new TieredCache(
    tiers.map((tier, i) => ({ tier, ttlMs: [300_000, 3_600_000, 86_400_000][i]! })),
    clock,
  );
  const zipf = new ZipfSampler(
    REAL_CACHE_WORKLOAD.distinctLeads,
    REAL_CACHE_WORKLOAD.zipfExponent,
    new SeededRandom(seed).fork("zipf"),
  );
  const value = JSON.stringify({
    qualification: { intent: "buy", intentConfidence: 0.9, timeline: "0-3m", financing: "pre_approved" },
    model: "claude-sonnet-4-5",
  });
  const hitLatency: number[] = [];
  const hitsAt = new Map<string, number>();
  try {
    for (const t of tiers) t.timing = false;
    // Warm-up: the same workload, untimed and uncounted, so the figures describe a steady state, not a cold start.
    for (let i = 0; i < operations; i++)
      await cache.getOrCompute(`bench:qualify:lead${zipf.next()}`, async () => ({ value }));
    for (const t of tiers) t.timing = true;
    for (let i = 0; i < operations; i++) {
      const key = `bench:qualify:lead${zipf.next()}`;
      const t0 = process.hrtime.bigint();
      const read = await cache.getOrCompute(key, async () => ({ value }));
      if (read.source !== "origin") hitLatency.push(Number(process.hrtime.bigint() - t0) / 1e6);
      hitsAt.set(read.source, (hitsAt.get(read.source) ?? 0) + 1);
      onStep();
    }
    let reaching = operations;
    const tierResults = tiers.map((t) => {
      const hits = hitsAt.get(t.name) ?? 0;
      const lookups = reaching;
      reaching -= hits;
      return {
        tier: t.name as TierName,
        lookups,
        hits,
        hitRate: hits / operations,
        latency: figures(t.hitLatencies, "measured"),
      };
    });
    const hits = operations - reaching;
    const stats = cache.stats();
    return {
      operations,
      tiers: tierResults,
      overall: { hits, hitRate: hits / operations, latency: figures(hitLatency, "measured") },
      misses: reaching,
      degraded: stats.tiers.map((t) => ({
        tier: t.name,
        errors: t.errors + t.timeouts,
        writeErrors: t.writeErrors,
      })),
      originLatency: figures([], "measured"),
      workload: `measured on real tiers (L1 lru-cache, L2 Redis, L3 ${dbUrl ? "PostgreSQL" : "PGlite"}) replaying a seeded Zipf workload: ${REAL_CACHE_WORKLOAD.distinctLeads.toLocaleString("en-US")} distinct leads, exponent ${REAL_CACHE_WORKLOAD.zipfExponent}, L1 bounded to ${REAL_CACHE_WORKLOAD.l1MaxEntries.toLocaleString("en-US")} entries, L2 to ${REAL_CACHE_WORKLOAD.l2MaxEntries.toLocaleString("en-US")}, L3 unbounded; an untimed warm-up of the same length first. The hit rate is the workload's, not production traffic's.`,
      l3: dbUrl ? "postgres" : "pglite",
    };
  } finally {
    await l2.clear();
    await redis.quit();
    if (dbUrl) await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.close();
  }
}

/** A Redis tier holding at most `max` keys of this run: the least recently written are evicted. */
class BoundedRedisTier implements CacheTier {
  #writes = 0;
  constructor(
    private readonly inner: RedisCacheTier,
    private readonly redis: Redis,
    private readonly recent: string,
    private readonly max: number,
  ) {}
  get name() {
    return this.inner.name;
  }
  get(key: string) {
    return this.inner.get(key);
  }
  async set(key: string, value: string, ttlMs: number) {
    await this.inner.set(key, value, ttlMs);
    await this.redis.zadd(this.recent, ++this.#writes, key);
    const excess = (await this.redis.zcard(this.recent)) - this.max;
    if (excess > 0) {
      const old = await this.redis.zpopmin(this.recent, excess);
      for (let i = 0; i < old.length; i += 2) await this.inner.delete(old[i]!);
    }
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  deleteTenant(tenant: string) {
    return this.inner.deleteTenant(tenant);
  }
  async clear() {
    await this.inner.deleteTenant("bench");
    await this.redis.del(this.recent);
  }
}
