/**
 * A Redis outage must fail fast, never hang, and heal by itself. Faults are injected by a TCP proxy
 * in front of the real Redis (it can drop bytes or go down), in the spirit of BentoCache's ChaosCache.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CacheTierError } from "../../../src/adapters/redis/cache-tier-error.ts";
import { RedisCacheTier } from "../../../src/adapters/redis/redis-cache-tier.ts";
import { connectRedis, createRedis } from "../../../src/adapters/redis/redis-connection.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test_outage")}:`;

/** Forwards TCP to Redis; "blackhole" swallows what the client sends, `down()` cuts and refuses connections. */
class FaultyProxy {
  mode: "pass" | "blackhole" = "pass";
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  #port = 0;

  constructor(target: URL) {
    this.#server = createServer((client) => {
      const upstream = tcpConnect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on("close", () => this.#sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on("data", (chunk) => {
        if (this.mode === "pass") upstream.write(chunk);
      });
      upstream.pipe(client);
    });
  }

  get url(): string {
    return `redis://127.0.0.1:${this.#port}`;
  }

  async up(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(this.#port, "127.0.0.1", resolve));
    const address = this.#server.address();
    if (address && typeof address === "object") this.#port = address.port;
  }

  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const s of this.#sockets) s.destroy();
    await closed;
  }
}

const clients: Redis[] = [];
const proxies: FaultyProxy[] = [];

function client(url: string, commandTimeoutMs = 250): Redis {
  const redis = createRedis(url, { commandTimeoutMs, connectTimeoutMs: 500, maxReconnectDelayMs: 100 });
  clients.push(redis);
  return redis;
}

async function proxy(): Promise<FaultyProxy> {
  const p = new FaultyProxy(new URL(REDIS_URL));
  await p.up();
  proxies.push(p);
  return p;
}

afterEach(async () => {
  for (const redis of clients.splice(0)) redis.disconnect();
  for (const p of proxies.splice(0)) await p.down().catch(() => undefined);
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
    const redis = client(p.url, 100);
    await connectRedis(redis);
    const tier = new RedisCacheTier(redis, { prefix });
    expect(await tier.get("t:op:1")).toEqual({ kind: "miss" });
    p.mode = "blackhole";
    expect((await failure(tier.get("t:op:1"))).code).toBe("timeout");
  });

  it("fails fast while Redis is down and serves again once it is back", { timeout: 20_000 }, async () => {
    const p = await proxy();
    const redis = client(p.url);
    await connectRedis(redis);
    const tier = new RedisCacheTier(redis, { prefix });
    await tier.set("t:op:back", "v", 60_000);

    await p.down();
    expect((await failure(tier.get("t:op:back"))).code).toBe("unavailable");

    await p.up();
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
