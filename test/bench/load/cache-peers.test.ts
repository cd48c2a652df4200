import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { compareCascade } from "../../../bench/load/cache-peers-cascade.ts";
import { compareL1GetHit } from "../../../bench/load/cache-peers-l1.ts";
import { compareL3Get } from "../../../bench/load/cache-peers-l3.ts";
import { PostgresSqlClient } from "../../../src/adapters/postgres/sql-client.ts";
import { DATABASE_URL, REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";

const TINY = { warmup: 10, iterations: 40, rounds: 2 };
const redisSkip = await skipUnless("redis");
const pgSkip = await skipUnless("postgres");

describe("cache peer benchmarks", () => {
  it("compare LruCacheTier with lru-cache on hits, as ours ÷ peer", async () => {
    const c = await compareL1GetHit(TINY);
    expect(c).toMatchObject({
      operation: "L1 get (hit)",
      oursLabel: "LruCacheTier",
      peerLabel: "lru-cache direct",
      unit: "µs",
    });
    expect(c.ours.count).toBe(40);
    expect(c.peer.count).toBe(40);
    expect(c.ratio.p50).toBeCloseTo(c.ours.p50 / c.peer.p50, 12);
  });

  it.skipIf(redisSkip)(
    "compare the cascade with BentoCache on L1 hits, L2 hits and sets, leaving no keys",
    async () => {
      const root = uniqueName("ehbenchtest");
      const comparisons = await compareCascade(REDIS_URL, root, TINY);
      expect(comparisons.map((c) => c.operation)).toEqual([
        "L1+L2 get (L1 hit)",
        "L1+L2 get (L2 hit)",
        "L1+L2 set",
      ]);
      expect(
        comparisons.every(
          (c) => c.ours.count === 40 && c.peer.count === 40 && c.peerLabel.startsWith("BentoCache"),
        ),
      ).toBe(true);
      const redis = new Redis(REDIS_URL, { lazyConnect: true });
      await redis.connect();
      try {
        expect(await redis.keys(`${root}*`)).toEqual([]);
      } finally {
        redis.disconnect();
      }
    },
  );

  it.skipIf(pgSkip)("compare PostgresCacheTier with the raw pg query, dropping its schema", async () => {
    const schema = uniqueName("ehbenchtest").toLowerCase();
    const c = await compareL3Get(DATABASE_URL, schema, TINY);
    expect(c).toMatchObject({
      operation: "L3 get (hit)",
      oursLabel: "PostgresCacheTier",
      peerLabel: "raw pg query",
    });
    expect(c.ours.count).toBe(40);
    const admin = new PostgresSqlClient({ connectionString: DATABASE_URL, max: 1 });
    try {
      expect(await admin.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema])).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
