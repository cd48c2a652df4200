import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { deleteRedisPrefix, dropSchema } from "../../../bench/run-cleanup.ts";
import { PostgresSqlClient } from "../../../src/adapters/postgres/sql-client.ts";
import { DATABASE_URL, REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";

const noRedis = await skipUnless("redis");
const noPostgres = await skipUnless("postgres");

describe.skipIf(noRedis)("deleteRedisPrefix", () => {
  it("unlinks every key under the prefix (more than one SCAN batch) and nothing else", async () => {
    const prefix = `${uniqueName("cleanup")}:`;
    const neighbour = `${prefix.slice(0, -1)}x:kept`;
    const redis = new Redis(REDIS_URL);
    try {
      const pipeline = redis.pipeline();
      for (let i = 0; i < 1_200; i++) pipeline.set(`${prefix}k${i}`, "v", "PX", 60_000);
      pipeline.set(neighbour, "v", "PX", 60_000);
      await pipeline.exec();
      expect(await deleteRedisPrefix(REDIS_URL, prefix)).toBe(1_200);
      expect(await redis.exists(`${prefix}k0`, `${prefix}k1199`)).toBe(0);
      expect(await redis.exists(neighbour)).toBe(1);
    } finally {
      await redis.del(neighbour);
      redis.disconnect();
    }
  });

  it("refuses a prefix that SCAN would read as a pattern", async () => {
    await expect(deleteRedisPrefix(REDIS_URL, "eh:*")).rejects.toThrow(TypeError);
  });
});

describe.skipIf(noPostgres)("dropSchema", () => {
  it("drops the schema and what is in it", async () => {
    const schema = uniqueName("cleanup").toLowerCase();
    const admin = new PostgresSqlClient({ connectionString: DATABASE_URL, max: 1 });
    try {
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.query(`CREATE TABLE "${schema}".t (x int)`);
      await dropSchema(DATABASE_URL, schema);
      const rows = await admin.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [
        schema,
      ]);
      expect(rows).toHaveLength(0);
    } finally {
      await admin.close();
    }
  });

  it("refuses anything but a plain identifier", async () => {
    await expect(dropSchema(DATABASE_URL, 'x"; DROP SCHEMA public; --')).rejects.toThrow(TypeError);
  });
});
