/** API keys issued at run time are shared through Redis: accepted, and revoked, on every instance at once. */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteRedisPrefix } from "../../bench/run-cleanup.ts";
import { RedisApiKeyStore } from "../../src/adapters/redis/redis-api-key-store.ts";
import { connectRedis, createRedis } from "../../src/adapters/redis/redis-connection.ts";
import { ApiKeyRegistry } from "../../src/app/http/api-keys.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../support/services.ts";
import { type Harness, startHarness } from "./api-harness.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

describe.skipIf(skip)("API keys shared through Redis", () => {
  const prefix = `${uniqueName("keys")}:`;
  let a: Harness;
  let b: Harness;
  const redis = createRedis(REDIS_URL, { commandTimeoutMs: 2_000 });
  const store = new RedisApiKeyStore(redis, prefix);

  beforeAll(async () => {
    await connectRedis(redis);
    [a, b] = await Promise.all([
      startHarness("real", { REDIS_PREFIX: prefix }),
      startHarness("real", { REDIS_PREFIX: prefix }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis.quit();
    await deleteRedisPrefix(REDIS_URL, prefix);
  });

  it("a key issued once is accepted by both instances, for its tenant, and a revoked one by neither", async () => {
    const key = "issued-key-0123456789abcdefghij";
    await request(a.service.app).get("/api/costs").set("Authorization", `Bearer ${key}`).expect(401);
    await store.add(ApiKeyRegistry.hash(key), "gamma");
    for (const h of [a, b]) {
      const res = await request(h.service.app)
        .get("/api/costs")
        .set("Authorization", `Bearer ${key}`)
        .expect(200);
      expect(res.body.rows).toEqual([]);
    }
    await store.revoke(ApiKeyRegistry.hash(key));
    for (const h of [a, b])
      await request(h.service.app).get("/api/costs").set("Authorization", `Bearer ${key}`).expect(401);
  });

  it("keeps only hashes in Redis, never the key", async () => {
    const key = "another-key-0123456789abcdefgh";
    await store.add(ApiKeyRegistry.hash(key), "gamma");
    const stored = await redis.hgetall(`${prefix}api-keys`);
    expect(JSON.stringify(stored)).not.toContain(key);
  });
});

describe("API keys when the shared store is down", () => {
  it("the configured keys still work, and an unknown key is refused (not a 500)", async () => {
    const down = {
      tenantOf: async () => Promise.reject(new Error("redis down")),
      add: async () => {},
      revoke: async () => false,
    };
    const registry = new ApiKeyRegistry([{ tenant: "acme", key: "configured-key-0123456789" }], down);
    expect(await registry.tenantOf("configured-key-0123456789")).toBe("acme");
    expect(await registry.tenantOf("some-other-key-0123456789")).toBeUndefined();
  });
});
