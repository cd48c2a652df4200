/**
 * Distributed single flight: one origin computation per cold key across instances, on a lease that a
 * crashed holder cannot keep past its TTL, and that never fails a request when the lock is down.
 */
import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { MemoryLock } from "../../src/adapters/memory/memory-lock.ts";
import { RedisCacheTier } from "../../src/adapters/redis/redis-cache-tier.ts";
import { connectRedis, createRedis } from "../../src/adapters/redis/redis-connection.ts";
import { RedisLock } from "../../src/adapters/redis/redis-lock.ts";
import { VirtualClock } from "../../src/adapters/simulated/virtual-clock.ts";
import { SystemClock } from "../../src/adapters/system/system-clock.ts";
import { type CacheRead, TieredCache } from "../../src/domain/tiered-cache.ts";
import {
  DistributedFlight,
  type DistributedFlightOptions,
} from "../../src/domain/tiered-cache-distributed-flight.ts";
import type { CacheTier } from "../../src/ports/cache-tier.ts";
import type { Clock } from "../../src/ports/clock.ts";
import type { DistributedLock } from "../../src/ports/distributed-lock.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../support/services.ts";

const KEY = "acme:qualify:cold";
const read = (value: string, source = "origin"): CacheRead => ({
  value,
  source,
  degraded: [],
  shared: false,
});

/** Virtual time whose sleeps also yield to other tasks, so concurrent flights interleave. */
class YieldingClock extends VirtualClock {
  override async sleep(ms: number): Promise<void> {
    await super.sleep(ms);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Steps whose shared tiers answer from `shared()` (undefined: miss), logging the time of each read. */
function stepsOver(clock: Clock, shared: (reads: number) => CacheRead | undefined = () => undefined) {
  const readsAt: number[] = [];
  return {
    readsAt,
    readShared: vi.fn(async () => {
      readsAt.push(clock.now());
      return shared(readsAt.length);
    }),
    compute: vi.fn(async () => read("computed")),
  };
}

const failingLock = (what: "acquire" | "release", inner?: DistributedLock): DistributedLock => ({
  acquire: (key, ttl) =>
    what === "acquire" || !inner ? Promise.reject(new Error("lock down")) : inner.acquire(key, ttl),
  release: () => Promise.reject(new Error("lock down")),
});

describe("DistributedFlight", () => {
  const setup = (options: Partial<DistributedFlightOptions> = {}) => {
    const clock = new VirtualClock();
    const lock = options.lock ?? new MemoryLock(clock);
    return { clock, lock, flight: new DistributedFlight(clock, { lockTtlMs: 1_000, ...options, lock }) };
  };

  it("with the lease: re-reads the shared tiers, computes once, then frees the lease", async () => {
    const { clock, lock, flight } = setup();
    const steps = stepsOver(clock);
    expect(await flight.run(KEY, steps)).toEqual(read("computed"));
    expect([steps.readShared.mock.calls.length, steps.compute.mock.calls.length]).toEqual([1, 1]);
    expect(await lock.acquire(KEY, 1_000)).toBeTypeOf("string");
    expect(flight.counters()).toMatchObject({ acquired: 1, waited: 0, servedFromPeer: 0 });
  });

  it("with the lease: serves what another instance stored meanwhile instead of computing", async () => {
    const { clock, flight } = setup();
    const steps = stepsOver(clock, () => read("stored by a peer", "L2"));
    expect(await flight.run(KEY, steps)).toMatchObject({ value: "stored by a peer", source: "L2" });
    expect(steps.compute).not.toHaveBeenCalled();
    expect(flight.counters()).toMatchObject({ acquired: 1, servedFromPeer: 1 });
  });

  it("without it: polls the shared tiers with doubling pauses until the holder's value appears", async () => {
    const { clock, lock, flight } = setup({ pollMinMs: 10, pollMaxMs: 40 });
    await lock.acquire(KEY, 60_000);
    const start = clock.now();
    const steps = stepsOver(clock, (reads) => (reads === 5 ? read("the holder's", "L2") : undefined));
    expect(await flight.run(KEY, steps)).toMatchObject({ value: "the holder's" });
    expect(steps.compute).not.toHaveBeenCalled();
    expect(steps.readsAt.map((t) => t - start)).toEqual([10, 30, 70, 110, 150]);
    expect(flight.counters()).toMatchObject({ waited: 1, servedFromPeer: 1, acquired: 0 });
  });

  it("takes the lease over when its holder frees it without storing a value, and computes", async () => {
    const { clock, lock, flight } = setup();
    const holder = (await lock.acquire(KEY, 60_000))!;
    const steps = stepsOver(clock, (reads) => {
      if (reads === 2) void lock.release(KEY, holder);
      return undefined;
    });
    expect(await flight.run(KEY, steps)).toEqual(read("computed"));
    expect(steps.compute).toHaveBeenCalledTimes(1);
    expect(flight.counters()).toMatchObject({ waited: 1, tookOver: 1, acquired: 1, timedOut: 0 });
  });

  it("a holder that crashed delays a waiter by the lease TTL, plus at most one poll pause", async () => {
    const { clock, lock, flight } = setup({ lockTtlMs: 300, pollMaxMs: 50 });
    await lock.acquire(KEY, 300);
    const start = clock.now();
    const steps = stepsOver(clock);
    await flight.run(KEY, steps);
    expect(steps.compute).toHaveBeenCalledTimes(1);
    expect(clock.now() - start).toBeGreaterThanOrEqual(300);
    expect(clock.now() - start).toBeLessThanOrEqual(350);
    expect(flight.counters()).toMatchObject({ tookOver: 1, timedOut: 0 });
  });

  it("gives up waiting after maxWaitMs and computes by itself (availability over strictness)", async () => {
    const { clock, lock, flight } = setup({ maxWaitMs: 1_000 });
    await lock.acquire(KEY, 60_000);
    const start = clock.now();
    const steps = stepsOver(clock);
    expect(await flight.run(KEY, steps)).toEqual(read("computed"));
    expect(clock.now() - start).toBe(1_000);
    expect(flight.counters()).toMatchObject({ timedOut: 1, tookOver: 0 });
  });

  it("computes at once when the lock cannot be reached, never failing the request", async () => {
    const { clock, flight } = setup({ lock: failingLock("acquire") });
    const start = clock.now();
    const steps = stepsOver(clock);
    expect(await flight.run(KEY, steps)).toEqual(read("computed"));
    expect([clock.now() - start, steps.readShared.mock.calls.length]).toEqual([0, 0]);
    expect(flight.counters().lockErrors).toBe(1);
  });

  it("counts a release that fails (the TTL ends the lease) without failing the request", async () => {
    const clock = new VirtualClock();
    const flight = new DistributedFlight(clock, { lock: failingLock("release", new MemoryLock(clock)) });
    expect(await flight.run(KEY, stepsOver(clock))).toEqual(read("computed"));
    await sleep(0);
    expect(flight.counters().releaseErrors).toBe(1);
  });

  it("frees the lease when the computation fails, so another instance can take over at once", async () => {
    const { clock, lock, flight } = setup();
    const steps = stepsOver(clock);
    steps.compute.mockRejectedValueOnce(new Error("model down"));
    await expect(flight.run(KEY, steps)).rejects.toThrow("model down");
    expect(await lock.acquire(KEY, 1_000)).toBeTypeOf("string");
  });

  it.each([
    ["a lease TTL of 0", { lockTtlMs: 0 }],
    ["a negative max wait", { maxWaitMs: -1 }],
    ["a first pause of 0", { pollMinMs: 0 }],
    ["a longest pause shorter than the first", { pollMinMs: 50, pollMaxMs: 10 }],
  ])("rejects %s", (_what, options) => {
    expect(
      () =>
        new DistributedFlight(new VirtualClock(), { lock: new MemoryLock(new VirtualClock()), ...options }),
    ).toThrow(TypeError);
  });

  it("property: facing a lease that never frees, a waiter pauses at most pollMaxMs, waits at most maxWaitMs, then computes once", async () => {
    const timing = fc.record({
      maxWaitMs: fc.integer({ min: 0, max: 5_000 }),
      pollMinMs: fc.integer({ min: 1, max: 100 }),
      extra: fc.integer({ min: 0, max: 500 }),
    });
    await fc.assert(
      fc.asyncProperty(timing, async ({ maxWaitMs, pollMinMs, extra }) => {
        const { clock, lock, flight } = setup({ maxWaitMs, pollMinMs, pollMaxMs: pollMinMs + extra });
        await lock.acquire(KEY, 1e9);
        const start = clock.now();
        const steps = stepsOver(clock);
        await flight.run(KEY, steps);
        const gaps = [start, ...steps.readsAt]
          .slice(1)
          .map((t, i) => t - ([start, ...steps.readsAt][i] ?? 0));
        expect(gaps.every((g) => g > 0 && g <= pollMinMs + extra)).toBe(true);
        expect(clock.now() - start).toBe(maxWaitMs);
        expect(steps.compute).toHaveBeenCalledTimes(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("TieredCache with a distributed flight, in one process (memory lock, shared in-memory L2)", () => {
  function pair(
    l2: CacheTier = new LruCacheTier({ name: "L2" }),
    lockFor: (clock: Clock) => DistributedLock = (c) => new MemoryLock(c),
  ) {
    const clock = new YieldingClock();
    const lock = lockFor(clock);
    const make = () => {
      const l1 = new LruCacheTier({ name: "L1", clock });
      const tiers = [
        { tier: l1, ttlMs: 60_000 },
        { tier: l2, ttlMs: 600_000 },
      ];
      return {
        l1,
        cache: new TieredCache(tiers, clock, { localTiers: ["L1"], distributedFlight: { lock } }),
      };
    };
    return { clock, a: make(), b: make() };
  }

  it("100 concurrent calls for a cold key, spread over two instances, compute once", async () => {
    const { clock, a, b } = pair();
    const compute = vi.fn(async () => {
      await clock.sleep(50);
      return { value: "once" };
    });
    const calls = Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).cache.getOrCompute(KEY, compute));
    const results = await Promise.all(calls);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.value))).toEqual(new Set(["once"]));
  });

  it("the waiting instance serves the holder's value from L2 and copies it into its own L1", async () => {
    const { clock, a, b } = pair();
    const slow = async () => {
      await clock.sleep(100);
      return { value: "from A" };
    };
    const [fromA, fromB] = await Promise.all([
      a.cache.getOrCompute(KEY, slow),
      b.cache.getOrCompute(KEY, slow),
    ]);
    expect([fromA.source, fromB.source].sort()).toEqual(["L2", "origin"]);
    expect(fromB.value).toBe("from A");
    expect(await a.l1.get(KEY)).toMatchObject({ value: "from A" });
    expect(await b.l1.get(KEY)).toMatchObject({ value: "from A" });
  });

  it("does not take the lock when every shared tier is down (no one could hand a value over)", async () => {
    const down: CacheTier = {
      name: "L2",
      get: () => Promise.reject(new Error("ECONNREFUSED")),
      set: () => Promise.reject(new Error("ECONNREFUSED")),
      delete: () => Promise.reject(new Error("ECONNREFUSED")),
      deleteTenant: () => Promise.reject(new Error("ECONNREFUSED")),
    };
    const acquire = vi.fn();
    const { a } = pair(down, () => ({ acquire, release: vi.fn() }));
    expect(await a.cache.getOrCompute(KEY, async () => ({ value: "v" }))).toMatchObject({
      source: "origin",
      degraded: ["L2"],
    });
    expect(acquire).not.toHaveBeenCalled();
  });

  it("rejects a distributed flight when every tier is local", () => {
    const clock = new VirtualClock();
    const tiers = [{ tier: new LruCacheTier({ clock }), ttlMs: 1_000 }];
    const options = { localTiers: ["L1"], distributedFlight: { lock: new MemoryLock(clock) } };
    expect(() => new TieredCache(tiers, clock, options)).toThrow(TypeError);
  });
});

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test_flight")}:`;

describe.skipIf(skip)("TieredCache distributed flight across instances sharing real Redis", () => {
  const clock = new SystemClock();
  const connections: Redis[] = [];

  function connection(url = REDIS_URL): Redis {
    const r = createRedis(url, {
      commandTimeoutMs: 2_000,
      connectTimeoutMs: 500,
      connectionName: "eh-test-flight",
    });
    connections.push(r);
    return r;
  }

  /** One instance: its own L1, its own connections to the shared L2 and lock. */
  async function instance(
    urls: { l2?: string; lock?: string } = {},
    flight: Partial<DistributedFlightOptions> = {},
  ) {
    const [forL2, forLock] = [connection(urls.l2), connection(urls.lock)];
    await Promise.all([connectRedis(forL2).catch(() => {}), connectRedis(forLock).catch(() => {})]);
    const lock = new RedisLock(forLock, { prefix: `${prefix}lock:` });
    const l1 = new LruCacheTier({ name: "L1" });
    const tiers = [
      { tier: l1, ttlMs: 60_000 },
      { tier: new RedisCacheTier(forL2, { prefix: `${prefix}cache:` }), ttlMs: 600_000 },
    ];
    const options = { localTiers: ["L1"], distributedFlight: { lock, pollMaxMs: 50, ...flight } };
    return { l1, lock, cache: new TieredCache(tiers, clock, options) };
  }

  afterAll(async () => {
    const redis = connections[0]!;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    for (const r of connections) await r.quit().catch(() => r.disconnect());
  });

  it("100 concurrent calls for one cold key, spread over two instances, compute exactly once", async () => {
    const [a, b] = [await instance(), await instance()];
    const compute = vi.fn(async () => {
      await sleep(50);
      return { value: "qualified once" };
    });
    const key = "acme:qualify:stampede";
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).cache.getOrCompute(key, compute)),
    );
    expect(compute).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.value))).toEqual(new Set(["qualified once"]));
  });

  it("a holder that crashed (never released) delays another instance no longer than the lease TTL", async () => {
    const crashed = await instance();
    const key = "acme:qualify:crashed";
    expect(await crashed.lock.acquire(key, 300)).toBeTypeOf("string");
    const survivor = await instance({}, { lockTtlMs: 300, maxWaitMs: 10_000 });
    const compute = vi.fn(async () => ({ value: "computed by the survivor" }));
    const started = Date.now();
    expect(await survivor.cache.getOrCompute(key, compute)).toMatchObject({
      value: "computed by the survivor",
    });
    const waited = Date.now() - started;
    expect(compute).toHaveBeenCalledTimes(1);
    expect(survivor.cache.distributedFlightStats()).toMatchObject({ waited: 1, tookOver: 1, timedOut: 0 });
    // Lower bound: the lease was honoured. Upper bound: TTL + one poll pause, with room for a busy machine.
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(300 + 50 + 1_000);
  });

  it("computes locally when the lock's Redis is unreachable, without failing the request", async () => {
    const lonely = await instance({ lock: "redis://127.0.0.1:1" });
    const compute = vi.fn(async () => ({ value: "local" }));
    expect(await lonely.cache.getOrCompute("acme:qualify:nolock", compute)).toMatchObject({
      value: "local",
      source: "origin",
    });
    expect(compute).toHaveBeenCalledTimes(1);
    expect(lonely.cache.distributedFlightStats()).toMatchObject({ lockErrors: 1 });
  });

  it("computes locally when Redis is unreachable altogether, serving from the origin with L2 degraded", async () => {
    const offline = await instance({ l2: "redis://127.0.0.1:1", lock: "redis://127.0.0.1:1" });
    const compute = vi.fn(async () => ({ value: "local" }));
    expect(await offline.cache.getOrCompute("acme:qualify:offline", compute)).toMatchObject({
      value: "local",
      degraded: ["L2"],
    });
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
