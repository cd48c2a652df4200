import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisCacheTier } from "../../../src/adapters/redis/redis-cache-tier.ts";
import { connectRedis, createRedis } from "../../../src/adapters/redis/redis-connection.ts";
import { describeCacheTierContract } from "../../contracts/cache-tier.contract.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test")}:`;
let redis: Redis;

beforeAll(async () => {
  if (skip) return;
  // A generous command timeout: these tests share one Redis with every other suite running in parallel.
  redis = createRedis(REDIS_URL, { commandTimeoutMs: 2_000, connectionName: "eh-test-redis-cache-tier" });
  await connectRedis(redis);
});

afterAll(async () => {
  if (skip) return;
  await new RedisCacheTier(redis, { prefix: "" }).deleteTenant(prefix.slice(0, -1));
  await redis.quit();
});

describeCacheTierContract(
  "Redis",
  async () => ({ tier: new RedisCacheTier(redis, { prefix }), tick: (ms) => sleep(ms), ttlSlackMs: 2 }),
  { skip },
);

describe.skipIf(skip)("RedisCacheTier", () => {
  it('is named "L2" unless given a name', () => {
    expect(new RedisCacheTier(redis, { prefix }).name).toBe("L2");
    expect(new RedisCacheTier(redis, { prefix, name: "L2-eu" }).name).toBe("L2-eu");
  });

  it("stores `<prefix><tenant>:<op>:<hash>` with SET PX, and reads the PTTL back", async () => {
    const tier = new RedisCacheTier(redis, { prefix });
    await tier.set("acme:qualify:abc", '{"a":1}', 30_000.2);
    expect(await redis.get(`${prefix}acme:qualify:abc`)).toBe('{"a":1}');
    const pttl = await redis.pttl(`${prefix}acme:qualify:abc`);
    expect(pttl).toBeGreaterThan(29_000);
    expect(pttl).toBeLessThanOrEqual(30_001);
    const got = await tier.get("acme:qualify:abc");
    expect(got.kind === "hit" && Number.isInteger(got.remainingTtlMs)).toBe(true);
  });

  it("keeps environments apart: another prefix neither sees nor deletes the keys", async () => {
    const mine = new RedisCacheTier(redis, { prefix });
    const other = new RedisCacheTier(redis, { prefix: `${prefix}other:` });
    await mine.set("acme:qualify:1", "mine", 60_000);
    expect(await other.get("acme:qualify:1")).toEqual({ kind: "miss" });
    expect(await other.deleteTenant("acme")).toBe(0);
    expect(await mine.get("acme:qualify:1")).toMatchObject({ kind: "hit", value: "mine" });
  });

  it("reports a key written without expiry as never expiring", async () => {
    await redis.set(`${prefix}forever:qualify:1`, "v");
    const got = await new RedisCacheTier(redis, { prefix }).get("forever:qualify:1");
    expect(got).toEqual({ kind: "hit", value: "v", remainingTtlMs: Number.POSITIVE_INFINITY });
  });

  it("reloads its script after SCRIPT FLUSH", async () => {
    const tier = new RedisCacheTier(redis, { prefix });
    await tier.set("acme:qualify:s", "v", 60_000);
    await redis.script("FLUSH");
    expect(await tier.get("acme:qualify:s")).toMatchObject({ kind: "hit", value: "v" });
  });

  it("deletes a tenant spread over many SCAN pages, and counts exactly", async () => {
    const tier = new RedisCacheTier(redis, { prefix, scanCount: 100 });
    const keys = Array.from({ length: 1_250 }, (_, i) => `bulk:qualify:${i}`);
    await Promise.all(keys.map((k) => tier.set(k, "v", 60_000)));
    await tier.set("bulkier:qualify:0", "v", 60_000);
    expect(await tier.deleteTenant("bulk")).toBe(1_250);
    expect(await redis.exists(`${prefix}bulk:qualify:0`, `${prefix}bulk:qualify:1249`)).toBe(0);
    expect(await tier.get("bulkier:qualify:0")).toMatchObject({ kind: "hit" });
  });

  it("treats glob characters in a tenant literally: deleting 'a*' leaves 'abc'", async () => {
    const tier = new RedisCacheTier(redis, { prefix });
    await tier.set("a*:qualify:1", "star", 60_000);
    await tier.set("abc:qualify:1", "abc", 60_000);
    expect(await tier.deleteTenant("a*")).toBe(1);
    expect(await tier.get("abc:qualify:1")).toMatchObject({ kind: "hit", value: "abc" });
  });

  it("treats glob characters in the prefix literally", async () => {
    const globby = new RedisCacheTier(redis, { prefix: `${prefix}[x]?:` });
    const plain = new RedisCacheTier(redis, { prefix: `${prefix}xy:` });
    await globby.set("acme:qualify:1", "globby", 60_000);
    await plain.set("acme:qualify:1", "plain", 60_000);
    expect(await globby.deleteTenant("acme")).toBe(1);
    expect(await plain.get("acme:qualify:1")).toMatchObject({ kind: "hit", value: "plain" });
  });

  it("property: deleting tenant A removes A's keys and never tenant B's, whatever glob characters they hold", async () => {
    const tenant = fc.string({
      unit: fc.constantFrom("a", "b", "*", "?", "[", "]", "\\", "^", "-"),
      minLength: 1,
      maxLength: 5,
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(tenant, tenant, async (a, b) => {
        fc.pre(a !== b);
        const tier = new RedisCacheTier(redis, { prefix: `${prefix}p${++run}:` });
        await tier.set(`${a}:qualify:1`, "a", 60_000);
        await tier.set(`${b}:qualify:1`, "b", 60_000);
        expect(await tier.deleteTenant(a)).toBe(1);
        expect(await tier.get(`${a}:qualify:1`)).toEqual({ kind: "miss" });
        expect(await tier.get(`${b}:qualify:1`)).toMatchObject({ kind: "hit", value: "b" });
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a TTL that is not > 0 without calling Redis", async () => {
    const tier = new RedisCacheTier(redis, { prefix });
    await expect(tier.set("acme:qualify:z", "v", 0)).rejects.toThrow(RangeError);
    expect(await redis.exists(`${prefix}acme:qualify:z`)).toBe(0);
  });
});
