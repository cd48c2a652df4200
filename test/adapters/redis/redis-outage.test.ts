/**
 * A Redis outage must fail fast, never hang, and heal by itself. Faults are injected by a TCP proxy
 * in front of the real Redis (it can stall or go down), in the spirit of BentoCache's ChaosCache.
 */
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CacheTierError } from "../../../src/adapters/redis/cache-tier-error.ts";
import { RedisCacheTier } from "../../../src/adapters/redis/redis-cache-tier.ts";
import { connectRedis, createRedis } from "../../../src/adapters/redis/redis-connection.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";
import { TcpProxy } from "../../support/tcp-proxy.ts";

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test_outage")}:`;

const clients: Redis[] = [];
const proxies: TcpProxy[] = [];

function client(url: string, commandTimeoutMs = 250): Redis {
  const redis = createRedis(url, { commandTimeoutMs, connectTimeoutMs: 500, maxReconnectDelayMs: 100 });
  clients.push(redis);
  return redis;
}

async function proxy(): Promise<TcpProxy> {
  const p = await TcpProxy.forUrl(REDIS_URL, 6379);
  proxies.push(p);
  return p;
}

afterEach(async () => {
  for (const redis of clients.splice(0)) redis.disconnect();
  for (const p of proxies.splice(0)) await p.close().catch(() => undefined);
});

async function failure(promise: Promise<unknown>): Promise<CacheTierError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CacheTierError);
  return error as CacheTierError;
}

describe("Redis outage: nothing listening", () => {
  it("rejects every operation with CacheTierError 'unavailable' instead of hanging", {
    timeout: 10_000,
  }, async () => {
    const tier = new RedisCacheTier(client("redis://127.0.0.1:1"), { prefix });
    for (const op of [
      tier.get("t:op:1"),
      tier.set("t:op:1", "v", 1_000),
      tier.delete("t:op:1"),
      tier.deleteTenant("t"),
    ]) {
      const error = await failure(op);
      expect(error.code).toBe("unavailable");
      expect(error.tier).toBe("L2");
    }
  });

  it("rejects the explicit first connection with 'unavailable'", { timeout: 10_000 }, async () => {
    const error = await failure(connectRedis(client("redis://127.0.0.1:1")));
    expect(error.code).toBe("unavailable");
  });
});

describe.skipIf(skip)("Redis outage through a faulty proxy", () => {
  it("rejects with 'timeout' when Redis stops answering", { timeout: 10_000 }, async () => {
    const p = await proxy();
    const redis = client(p.urlFor(REDIS_URL), 100);
    await connectRedis(redis);
    const tier = new RedisCacheTier(redis, { prefix });
    expect(await tier.get("t:op:1")).toEqual({ kind: "miss" });
    await p.stall();
    expect((await failure(tier.get("t:op:1"))).code).toBe("timeout");
  });

  it("fails fast while Redis is down and serves again once it is back", { timeout: 20_000 }, async () => {
    const p = await proxy();
    const redis = client(p.urlFor(REDIS_URL));
    await connectRedis(redis);
    const tier = new RedisCacheTier(redis, { prefix });
    await tier.set("t:op:back", "v", 60_000);

    await p.cut();
    expect((await failure(tier.get("t:op:back"))).code).toBe("unavailable");

    await p.restore();
    await vi.waitFor(
      async () => expect(await tier.get("t:op:back")).toMatchObject({ kind: "hit", value: "v" }),
      {
        timeout: 15_000,
        interval: 100,
      },
    );
    await tier.deleteTenant("t");
  });
});
