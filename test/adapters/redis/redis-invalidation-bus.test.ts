import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { MemoryInvalidationBus } from "../../../src/adapters/memory/memory-invalidation-bus.ts";
import { connectRedis, createRedis } from "../../../src/adapters/redis/redis-connection.ts";
import { RedisInvalidationBus } from "../../../src/adapters/redis/redis-invalidation-bus.ts";
import type { Invalidation, InvalidationBus } from "../../../src/ports/invalidation-bus.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";
import { TcpProxy } from "../../support/tcp-proxy.ts";

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test_bus")}:`;
const clients: Redis[] = [];
const buses: RedisInvalidationBus[] = [];
const proxies: TcpProxy[] = [];

function client(url = REDIS_URL): Redis {
  const r = createRedis(url, {
    commandTimeoutMs: 2_000,
    connectTimeoutMs: 500,
    maxReconnectDelayMs: 100,
    connectionName: "eh-test-bus",
  });
  clients.push(r);
  return r;
}

/** A bus over a fresh connection to `url`, subscribed when `url` is reachable. */
async function redisBus(url = REDIS_URL, busPrefix = prefix): Promise<RedisInvalidationBus> {
  const publisher = client(url);
  await connectRedis(publisher).catch(() => undefined);
  const bus = new RedisInvalidationBus(publisher, { prefix: busPrefix });
  buses.push(bus);
  await bus.connect();
  return bus;
}

/** Records what `bus` hands its subscribers. */
function inbox(bus: InvalidationBus): Invalidation[] {
  const got: Invalidation[] = [];
  bus.subscribe((m) => got.push(m));
  return got;
}

const arrives = (check: () => void) => vi.waitFor(check, { timeout: 2_000, interval: 5 });

afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close().catch(() => undefined);
});

afterAll(async () => {
  for (const bus of buses) await bus.close();
  for (const r of clients) await r.quit().catch(() => r.disconnect());
});

type Pair = () => Promise<[InvalidationBus, InvalidationBus]>;
const pairs: [string, Pair, string | false][] = [
  ["Redis", async () => [await redisBus(), await redisBus()], skip],
  [
    "memory",
    async () => {
      const a = new MemoryInvalidationBus();
      return [a, new MemoryInvalidationBus(a)];
    },
    false,
  ],
];

describe.each(pairs)("InvalidationBus: %s", (_name, makePair, skipped) => {
  it.skipIf(skipped)(
    "delivers published keys to the other instance, never back to the publisher",
    async () => {
      const [a, b] = await makePair();
      const [atA, atB] = [inbox(a), inbox(b)];
      await a.publish(["acme:qualify:1", "acme:qualify:2"]);
      await arrives(() =>
        expect(atB).toEqual([{ kind: "keys", keys: ["acme:qualify:1", "acme:qualify:2"] }]),
      );
      await b.publish(["acme:qualify:3"]);
      await arrives(() => expect(atA).toEqual([{ kind: "keys", keys: ["acme:qualify:3"] }]));
      expect(atB).toHaveLength(1);
    },
  );

  it.skipIf(skipped)("delivers a tenant-wide invalidation as such", async () => {
    const [a, b] = await makePair();
    const atB = inbox(b);
    await a.publishTenant("acme");
    await arrives(() => expect(atB).toEqual([{ kind: "tenant", tenant: "acme" }]));
  });

  it.skipIf(skipped)(
    "stops calling a handler once unsubscribed, and survives a handler that throws",
    async () => {
      const [a, b] = await makePair();
      const stop = b.subscribe(() => {
        throw new Error("bad subscriber");
      });
      const dropped: Invalidation[] = [];
      const unsubscribe = b.subscribe((m) => dropped.push(m));
      const atB = inbox(b);
      unsubscribe();
      await a.publish(["acme:qualify:1"]);
      await arrives(() => expect(atB).toHaveLength(1));
      stop();
      expect(dropped).toEqual([]);
    },
  );

  it.skipIf(skipped)("property: any keys arrive exactly as published", async () => {
    const [a, b] = await makePair();
    const atB = inbox(b);
    const key = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.array(key, { minLength: 1, maxLength: 5 }), async (keys) => {
        atB.length = 0;
        await a.publish(keys);
        await arrives(() => expect(atB).toEqual([{ kind: "keys", keys }]));
      }),
      { numRuns: 200 },
    );
  });
});

describe.skipIf(skip)("RedisInvalidationBus", () => {
  it("publishes on `<prefix>cache:invalidations`, keys and sender only, and ignores its own echo", async () => {
    const a = await redisBus();
    const spy = client();
    await connectRedis(spy);
    const raw: string[] = [];
    spy.on("message", (_channel: string, message: string) => raw.push(message));
    await spy.subscribe(a.channel);
    expect(a.channel).toBe(`${prefix}cache:invalidations`);
    await a.publish(["acme:qualify:1"]);
    await arrives(() =>
      expect(raw.map((m) => JSON.parse(m))).toEqual([{ v: 1, from: a.instanceId, keys: ["acme:qualify:1"] }]),
    );
    await arrives(() => expect(a.counters()).toMatchObject({ published: 1, ownIgnored: 1, received: 0 }));
  });

  it("keeps environments apart: another prefix hears nothing", async () => {
    const a = await redisBus();
    const elsewhere = await redisBus(REDIS_URL, `${prefix}other:`);
    const witness = await redisBus();
    const [atElsewhere, atWitness] = [inbox(elsewhere), inbox(witness)];
    await a.publish(["acme:qualify:1"]);
    await arrives(() => expect(atWitness).toHaveLength(1));
    expect(atElsewhere).toEqual([]);
  });

  it("drops and counts a message that is not a valid invalidation", async () => {
    const b = await redisBus();
    const atB = inbox(b);
    for (const junk of ["not json", "null", '{"v":2,"from":"x","keys":[]}', '{"v":1,"from":"x","keys":[1]}'])
      await clients[0]!.publish(b.channel, junk);
    await arrives(() => expect(b.counters().malformed).toBe(4));
    expect(atB).toEqual([]);
  });

  it("swallows and counts publishes while Redis is unreachable; connect() answers false", async () => {
    const errors: unknown[] = [];
    const publisher = client("redis://127.0.0.1:1");
    const bus = new RedisInvalidationBus(publisher, { prefix, onPublishError: (e) => errors.push(e) });
    buses.push(bus);
    expect(await bus.connect(500)).toBe(false);
    await expect(bus.publish(["acme:qualify:1"])).resolves.toBeUndefined();
    await expect(bus.publishTenant("acme")).resolves.toBeUndefined();
    expect(bus.counters()).toMatchObject({ published: 0, publishFailures: 2 });
    expect(errors).toHaveLength(2);
  });

  it("hears again after its connection to Redis is cut and restored (ioredis re-subscribes)", {
    timeout: 15_000,
  }, async () => {
    const proxy = await TcpProxy.forUrl(REDIS_URL, 6379);
    proxies.push(proxy);
    const [a, b] = [await redisBus(), await redisBus(proxy.urlFor(REDIS_URL))];
    const atB = inbox(b);
    await proxy.cut();
    await proxy.restore();
    await vi.waitFor(
      async () => {
        await a.publish(["acme:qualify:back"]);
        expect(atB.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(atB[0]).toEqual({ kind: "keys", keys: ["acme:qualify:back"] });
  });

  it("subscribes by itself once Redis comes up, when it was down at connect()", {
    timeout: 15_000,
  }, async () => {
    const proxy = await TcpProxy.forUrl(REDIS_URL, 6379);
    proxies.push(proxy);
    await proxy.cut();
    const a = await redisBus();
    const b = new RedisInvalidationBus(client(proxy.urlFor(REDIS_URL)), { prefix });
    buses.push(b);
    expect(await b.connect(500)).toBe(false);
    const atB = inbox(b);
    await proxy.restore();
    await vi.waitFor(
      async () => {
        await a.publish(["acme:qualify:late"]);
        expect(atB.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 50 },
    );
  });
});
