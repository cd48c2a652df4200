/**
 * L3 peer: our PostgresCacheTier.get (over PostgresSqlClient) against the raw `pg` query it wraps
 * (the same statement and parameters on a bare pg.Pool), in a throwaway schema dropped afterwards.
 * Both pools have the same size and search_path, so the ratio is the adapter's own cost.
 */
import pg from "pg";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { cacheStatements, PostgresCacheTier } from "../../src/adapters/postgres/postgres-cache-tier.ts";
import { assertSchemaName, PostgresSqlClient } from "../../src/adapters/postgres/sql-client.ts";
import { BENCH_VALUE, benchKey, benchmarkPair, type MicroBenchPlan } from "./micro-bench.ts";
import { comparison, type PeerComparison } from "./peer-ratio.ts";

const HOT_KEYS = 1_000;
const POOL_SIZE = 4;

/** PostgresCacheTier.get vs pg.Pool.query of the same SELECT, on keys that are all present. */
export async function compareL3Get(
  databaseUrl: string,
  schema: string,
  plan: MicroBenchPlan,
): Promise<PeerComparison> {
  assertSchemaName(schema);
  const admin = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const ours = new PostgresSqlClient({
    connectionString: databaseUrl,
    schema,
    max: POOL_SIZE,
    applicationName: "bench-ours",
  });
  const raw = new pg.Pool({
    connectionString: databaseUrl,
    max: POOL_SIZE,
    application_name: "bench-raw-pg",
    options: `-c search_path=${schema}`,
  });
  try {
    await migrate(ours);
    const clock = { now: () => Date.now() };
    const tier = new PostgresCacheTier(ours, clock);
    const keys = Array.from({ length: HOT_KEYS }, (_, i) => benchKey("l3", i));
    for (let i = 0; i < keys.length; i += 100) {
      await Promise.all(keys.slice(i, i + 100).map((key) => tier.set(key, BENCH_VALUE, 10 * 60_000)));
    }
    const pair = await benchmarkPair(
      async (i) => {
        const got = await tier.get(keys[i % HOT_KEYS]!);
        if (got.kind !== "hit") throw new Error("L3 benchmark expected a hit");
      },
      async (i) => {
        const result = await raw.query(cacheStatements.get, [keys[i % HOT_KEYS], Math.floor(clock.now())]);
        if (result.rows.length !== 1) throw new Error("raw pg benchmark expected one row");
      },
      plan,
    );
    return comparison(
      "L3 get (hit)",
      { ours: "PostgresCacheTier", peer: "raw pg query" },
      "µs",
      pair.ours,
      pair.peer,
    );
  } finally {
    await ours.close();
    await raw.end();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.close();
  }
}
