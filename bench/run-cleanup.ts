/**
 * What a benchmark or test run leaves behind on the shared services, removed once the run is over: its PostgreSQL
 * schema, its Redis keys (one prefix per run) and, in embedded mode, its PGlite data folder.
 */
import { rm } from "node:fs/promises";
import { Redis } from "ioredis";
import { PostgresSqlClient } from "../src/adapters/postgres/sql-client.ts";

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
// Only characters with no meaning in a SCAN MATCH pattern: the prefix is matched literally.
const PLAIN_PREFIX = /^[A-Za-z0-9:_-]{1,64}$/;

/** Drops `schema` (and everything in it) from the database at `databaseUrl`. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!SQL_IDENTIFIER.test(schema)) throw new TypeError(`not a plain SQL identifier: ${schema}`);
  const admin = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.close();
  }
}

/** Unlinks every key under `prefix` (SCAN in batches, never KEYS); resolves with how many went. */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  if (!PLAIN_PREFIX.test(prefix)) throw new TypeError(`not a plain Redis key prefix: ${prefix}`);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** Removes an embedded run's data folder. */
export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
