/**
 * What a soak run leaves on the shared services, removed when it ends: its PostgreSQL schema and its
 * Redis keys (one prefix per run). Both talk to the servers directly, never through the fault proxy.
 */
import { PostgresSqlClient } from "../../src/adapters/postgres/sql-client.ts";
import { createRedis } from "../../src/adapters/redis/redis-connection.ts";

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
// Only characters with no meaning in a SCAN MATCH pattern, so the prefix matches literally.
const PLAIN_PREFIX = /^[A-Za-z0-9:_-]{1,64}$/;

/** Drops `schema` and everything in it. */
export async function dropSoakSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!SQL_IDENTIFIER.test(schema)) throw new TypeError(`not a plain SQL identifier: ${schema}`);
  const admin = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.close();
  }
}

/** Unlinks every key under `prefix` (SCAN in batches, never KEYS). */
export async function deleteSoakKeys(redisUrl: string, prefix: string): Promise<void> {
  if (!PLAIN_PREFIX.test(prefix)) throw new TypeError(`not a plain Redis key prefix: ${prefix}`);
  const redis = createRedis(redisUrl, { commandTimeoutMs: 5_000, connectTimeoutMs: 2_000 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1_000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
