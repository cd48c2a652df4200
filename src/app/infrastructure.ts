/**
 * Part of the composition root (container.ts), split out to keep it readable: the cache tiers each mode
 * runs on, readiness probes, migrations that wait for an unreachable database, the L3 purge, quiet warnings.
 */
import { mkdirSync } from "node:fs";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { LruCacheTier } from "../adapters/memory/lru-cache-tier.ts";
import { PgliteSqlClient } from "../adapters/pglite/pglite-sql-client.ts";
import { migrate } from "../adapters/postgres/migrations.ts";
import { PostgresCacheTier } from "../adapters/postgres/postgres-cache-tier.ts";
import type { SqlClient } from "../adapters/postgres/sql-client.ts";
import { StoreUnavailableError } from "../adapters/postgres/store-unavailable-error.ts";
import { RedisCacheTier } from "../adapters/redis/redis-cache-tier.ts";
import { latencyFromP99 } from "../adapters/simulated/log-normal.ts";
import type { SeededRandom } from "../adapters/simulated/seeded-random.ts";
import { SimulatedCacheTier } from "../adapters/simulated/simulated-cache-tier.ts";
import type { CacheTierKind } from "../domain/request-cost.ts";
import type { CacheTier } from "../ports/cache-tier.ts";
import type { Clock } from "../ports/clock.ts";
import type { Config } from "./config.ts";
import type { Probe } from "./readiness.ts";

/** The cache tiers with their TTLs and what runs them (for costing and /ready). */
export interface TierSetup {
  bindings: Array<{ tier: CacheTier; ttlMs: number }>;
  kinds: CacheTierKind[];
}

/** Options the benchmark passes to the simulated composition (hit ratios per tier, etc.). */
export interface SimulationOptions {
  /** Per tier name: probability of a hit at that tier given the lookup reached it, and a value to synthesize. */
  ratios?: Record<string, { hitRatio: number; synthesize: (key: string) => string }>;
}

/** The report's tier latencies (section 3.2: median and P99, ms), used by the simulated tiers. */
const SIMULATED_TIER_LATENCY = {
  L1: latencyFromP99(0.3, 0.6),
  L2: latencyFromP99(2.5, 3.93),
  L3: latencyFromP99(11.06, 16.06),
} as const;

export interface TierInputs {
  clock: Clock;
  seeded: SeededRandom;
  redis: Redis | undefined;
  sql: SqlClient | undefined;
  envPrefix: string;
  simulation: SimulationOptions;
}

export function buildTiers(config: Config, i: TierInputs): TierSetup {
  const ttl = { L1: config.L1_TTL_MS, L2: config.L2_TTL_MS, L3: config.L3_TTL_MS } as const;
  if (config.EH_ADAPTERS === "simulated") {
    const names = ["L1", "L2", "L3"] as const;
    return {
      bindings: names.map((name) => {
        const ratio = i.simulation.ratios?.[name];
        const tier = new SimulatedCacheTier({
          name,
          clock: i.clock,
          random: i.seeded.fork(name),
          latency: SIMULATED_TIER_LATENCY[name],
          ...(ratio ? { ratio: { ...ratio, ttlMs: ttl[name] } } : {}),
        });
        return { tier, ttlMs: ttl[name] };
      }),
      kinds: [
        { name: "L1", kind: "memory" },
        { name: "L2", kind: "redis" },
        { name: "L3", kind: "postgres" },
      ],
    };
  }
  const setup: TierSetup = {
    bindings: [
      {
        tier: new LruCacheTier({
          name: "L1",
          maxEntries: config.L1_MAX_ENTRIES,
          maxBytes: config.L1_MAX_BYTES,
        }),
        ttlMs: ttl.L1,
      },
    ],
    kinds: [{ name: "L1", kind: "memory" }],
  };
  if (i.redis) {
    setup.bindings.push({
      tier: new RedisCacheTier(i.redis, { prefix: `${i.envPrefix}cache:` }),
      ttlMs: ttl.L2,
    });
    setup.kinds.push({ name: "L2", kind: "redis" });
  }
  if (i.sql) {
    setup.bindings.push({ tier: new PostgresCacheTier(i.sql, i.clock), ttlMs: ttl.L3 });
    setup.kinds.push({ name: "L3", kind: "postgres" });
  }
  return setup;
}

export function probesFor(
  config: Config,
  redis: Redis | undefined,
  sql: SqlClient | undefined,
  migrations: MigrationState | undefined,
): Probe[] {
  const probes: Probe[] = [];
  if (redis)
    probes.push({
      name: "cache-l2",
      kind: "redis",
      required: false,
      check: async () => void (await redis.ping()),
    });
  if (sql) {
    probes.push({
      name: "database",
      kind: config.DATABASE_URL ? "postgres" : "pglite",
      required: true,
      check: async () => {
        await sql.query("select 1");
        // Reachable is not enough: until the schema is migrated every store query would fail.
        if (migrations && !migrations.migrated) throw new Error("migrations not applied yet");
      },
    });
  }
  probes.push({
    name: "model",
    kind: config.ANTHROPIC_API_KEY ? "claude" : "offline",
    required: false,
    check: async () => {},
  });
  return probes;
}

/** Opens PGlite persisted in `dir` (created if missing). */
export async function openPglite(dir: string): Promise<SqlClient> {
  mkdirSync(dir, { recursive: true });
  return PgliteSqlClient.open({ dataDir: dir });
}

/** Whether the schema is migrated yet, and how to stop retrying. */
export interface MigrationState {
  readonly migrated: boolean;
  stop(): void;
}

/** Applies migrations; when the database is down at start-up, keeps trying in the background. */
export async function migrateWhenReachable(
  sql: SqlClient,
  logger: Logger,
  schema?: string,
): Promise<MigrationState> {
  const run = async () => {
    if (schema) await sql.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`); // validated identifier
    await migrate(sql);
  };
  const state = { migrated: false, stop: () => {} };
  try {
    await run();
    state.migrated = true;
  } catch (err) {
    // Only an unreachable database is worth waiting for; anything else (a bad migration, a bad path) is a bug.
    if (!(err instanceof StoreUnavailableError)) throw err;
    logger.warn(
      { err: (err as Error).message },
      "database unreachable at start; retrying migrations every 5 s",
    );
    const timer = setInterval(() => {
      run().then(
        () => {
          clearInterval(timer);
          state.migrated = true;
          logger.info("database reachable; migrations applied");
        },
        () => {},
      );
    }, 5_000);
    timer.unref();
    state.stop = () => clearInterval(timer);
  }
  return state;
}

/** Purges expired L3 rows every minute, in bounded batches. */
export function startPurge(l3: PostgresCacheTier, logger: Logger, closers: Array<() => Promise<void>>): void {
  const timer = setInterval(async () => {
    try {
      for (let i = 0; i < 20 && (await l3.purgeExpired(1_000)) === 1_000; i++);
    } catch (err) {
      logger.debug({ err: (err as Error).message }, "L3 purge skipped");
    }
  }, 60_000);
  timer.unref();
  closers.push(async () => clearInterval(timer));
}

/** A warning logger that says the same thing at most once a minute (a down dependency errors constantly). */
export function rateLimitedWarn(logger: Logger, what: string): (err: Error) => void {
  let last = 0;
  return (err) => {
    const now = Date.now();
    if (now - last < 60_000) return;
    last = now;
    logger.warn({ err: err.message }, `${what} connection error`);
  };
}

export function modeLabel(config: Config): string {
  if (config.EH_ADAPTERS === "simulated") return `simulated (virtual clock, seed ${config.SEED})`;
  if (config.REDIS_URL || config.DATABASE_URL || config.ANTHROPIC_API_KEY) return "production";
  return "embedded defaults (in-process L1, PGlite, offline model)";
}
