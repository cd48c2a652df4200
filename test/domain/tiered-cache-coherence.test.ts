/**
 * L1 coherence between instances: a set, delete or tenant deletion on one instance removes the
 * entry from every other instance's L1, through an invalidation bus (keys only, never values).
 */
import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { MemoryInvalidationBus } from "../../src/adapters/memory/memory-invalidation-bus.ts";
import { RedisCacheTier } from "../../src/adapters/redis/redis-cache-tier.ts";
import { connectRedis, createRedis } from "../../src/adapters/redis/redis-connection.ts";
import { RedisInvalidationBus } from "../../src/adapters/redis/redis-invalidation-bus.ts";
import { VirtualClock } from "../../src/adapters/simulated/virtual-clock.ts";
import { SystemClock } from "../../src/adapters/system/system-clock.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";
import type { CacheTier } from "../../src/ports/cache-tier.ts";
import type { InvalidationBus } from "../../src/ports/invalidation-bus.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../support/services.ts";

const KEY = "acme:qualify:abc";
const compute = (value: string) => vi.fn(async () => ({ value }));
/** Lets queued bus deliveries and the deletes they start run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** `tier` with every write appended to `log` as "<label> <method> <arg>". */
function recorded(tier: CacheTier, label: string, log: string[]): CacheTier {
  const logged =
    <A extends unknown[], R>(method: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      log.push(`${label} ${method} ${args[0]}`);
      return call(...args);
    };
  return {
    name: tier.name,
    get: (key) => tier.get(key),
    set: logged("set", (key: string, value: string, ttlMs: number) => tier.set(key, value, ttlMs)),
    delete: logged("delete", (key: string) => tier.delete(key)),
    deleteTenant: logged("deleteTenant", (tenant: string) => tier.deleteTenant(tenant)),
  };
}

/** `bus` with its publishes appended to `log`. */
function announcing(bus: InvalidationBus, log: string[]): InvalidationBus {
  return {
    publish: (keys) => {
      log.push(`publish ${keys.join(",")}`);
      return bus.publish(keys);
    },
    publishTenant: (tenant) => {
      log.push(`publishTenant ${tenant}`);
      return bus.publishTenant(tenant);
    },
    subscribe: (handler) => bus.subscribe(handler),
    close: () => bus.close(),
  };
}

describe("TieredCache coherence, in one process (memory bus, shared in-memory L2)", () => {
  const clock = new VirtualClock();
  let log: string[];
  let l2: LruCacheTier;
  let busA: MemoryInvalidationBus;

  function instance(label: string, bus: InvalidationBus) {
    const l1 = new LruCacheTier({ name: "L1", clock });
    const tiers = [
      { tier: recorded(l1, `${label}.L1`, log), ttlMs: 60_000 },
      { tier: recorded(l2, `${label}.L2`, log), ttlMs: 600_000 },
    ];
    const cache = new TieredCache(tiers, clock, { localTiers: ["L1"], invalidationBus: bus });
    return { l1, cache };
  }

  function pair() {
    log = [];
    l2 = new LruCacheTier({ name: "L2", clock });
    busA = new MemoryInvalidationBus();
    return { a: instance("A", announcing(busA, log)), b: instance("B", new MemoryInvalidationBus(busA)) };
  }

  it("a set on A drops B's L1 copy, and B's next read serves A's value from L2", async () => {
    const { a, b } = pair();
    await b.cache.getOrCompute(KEY, compute("old"));
    await a.cache.set(KEY, "new", 60_000);
    await settle();
    expect(await b.l1.get(KEY)).toEqual({ kind: "miss" });
    expect(await b.cache.getOrCompute(KEY, compute("unused"))).toMatchObject({ value: "new", source: "L2" });
  });

  it("a delete on A removes the key from B's L1; B itself touches only its local tier", async () => {
    const { a, b } = pair();
    await b.cache.getOrCompute(KEY, compute("v"));
    log.length = 0;
    await a.cache.delete(KEY);
    await settle();
    expect(await b.l1.get(KEY)).toEqual({ kind: "miss" });
    expect(log.filter((l) => l.startsWith("B."))).toEqual([`B.L1 delete ${KEY}`]);
  });

  it("deleteTenant on A clears B's L1 of that tenant and of no other", async () => {
    const { a, b } = pair();
    for (const k of ["acme:q:1", "acme:q:2", "acmeplus:q:1"]) await b.cache.getOrCompute(k, compute("v"));
    await a.cache.deleteTenant("acme");
    await settle();
    expect([await b.l1.get("acme:q:1"), await b.l1.get("acme:q:2")]).toEqual([
      { kind: "miss" },
      { kind: "miss" },
    ]);
    expect(await b.l1.get("acmeplus:q:1")).toMatchObject({ kind: "hit" });
    expect(log).toContain("B.L1 deleteTenant acme");
    expect(log).not.toContain("B.L2 deleteTenant acme");
  });

  it("announces set, delete and deleteTenant, but not origin writes or backfills", async () => {
    const { a } = pair();
    await a.cache.getOrCompute(KEY, compute("v"));
    await a.l1.delete(KEY);
    await a.cache.get(KEY);
    expect(log.filter((l) => l.startsWith("publish"))).toEqual([]);
    await a.cache.set(KEY, "v2", 60_000);
    await a.cache.delete(KEY);
    await a.cache.deleteTenant("acme");
    expect(log.filter((l) => l.startsWith("publish"))).toEqual([
      `publish ${KEY}`,
      `publish ${KEY}`,
      "publishTenant acme",
    ]);
  });

  it("announces only once the shared tier holds the change (else B could re-read the old value)", async () => {
    const { a } = pair();
    await a.cache.set(KEY, "v", 60_000);
    expect(log.indexOf(`publish ${KEY}`)).toBeGreaterThan(log.indexOf(`A.L2 set ${KEY}`));
  });

  it("never fails a set or delete because the bus cannot publish", async () => {
    const broken: InvalidationBus = {
      publish: () => Promise.reject(new Error("bus down")),
      publishTenant: () => Promise.reject(new Error("bus down")),
      subscribe: () => () => {},
      close: async () => {},
    };
    log = [];
    l2 = new LruCacheTier({ name: "L2", clock });
    const { cache } = instance("A", broken);
    expect(await cache.set(KEY, "v", 60_000)).toEqual({ failures: [] });
    expect(await cache.delete(KEY)).toEqual({ failures: [] });
    expect(await cache.deleteTenant("acme")).toEqual({ removed: 0, failures: [] });
  });

  it("a read in flight on B when A's invalidation arrives serves its value but does not store it", async () => {
    const { a, b } = pair();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pending = b.cache.getOrCompute(KEY, async () => {
      await gate;
      return { value: "computed before the set" };
    });
    await settle();
    await a.cache.set(KEY, "set by A", 60_000);
    await settle();
    release();
    expect((await pending).value).toBe("computed before the set");
    expect(await b.l1.get(KEY)).toEqual({ kind: "miss" });
    expect(await l2.get(KEY)).toMatchObject({ value: "set by A" });
  });

  it("an invalidation of one key does not stop B's read of another key from being stored", async () => {
    const { a, b } = pair();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const other = b.cache.getOrCompute("acme:q:other", async () => {
      await gate;
      return { value: "v" };
    });
    await settle();
    await a.cache.delete(KEY);
    await settle();
    release();
    await other;
    expect(await b.l1.get("acme:q:other")).toMatchObject({ kind: "hit", value: "v" });
  });

  it("ignores a tenant invalidation naming an invalid tenant (that could reach into other keys)", async () => {
    const { b } = pair();
    await b.cache.getOrCompute(KEY, compute("v"));
    // "acme:qualify" is no tenant, but as a prefix it would match KEY.
    await busA.publishTenant("acme:qualify");
    await settle();
    expect(await b.l1.get(KEY)).toMatchObject({ kind: "hit" });
  });

  it("stops applying invalidations once closed", async () => {
    const { a, b } = pair();
    await b.cache.getOrCompute(KEY, compute("v"));
    b.cache.close();
    await a.cache.delete(KEY);
    await settle();
    expect(await b.l1.get(KEY)).toMatchObject({ kind: "hit", value: "v" });
  });

  it.each([
    ["a bus without local tiers", { invalidationBus: new MemoryInvalidationBus() }],
    ["a local tier that does not exist", { localTiers: ["L0"] }],
  ])("rejects %s", (_what, options) => {
    const tiers = [{ tier: new LruCacheTier({ clock }), ttlMs: 1_000 }];
    expect(() => new TieredCache(tiers, clock, options)).toThrow(TypeError);
  });

  it("property: after any mix of reads, sets, deletes and tenant deletions on two instances, no L1 disagrees with L2", async () => {
    const key = fc.constantFrom("acme:q:1", "acme:q:2", "beta:q:1");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("read" as const), key }),
      fc.record({ kind: fc.constant("set" as const), key, value: fc.string({ maxLength: 3 }) }),
      fc.record({ kind: fc.constant("delete" as const), key }),
      fc.record({ kind: fc.constant("tenant" as const), tenant: fc.constantFrom("acme", "beta") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), op), { maxLength: 12 }), async (steps) => {
        const { a, b } = pair();
        let n = 0;
        for (const [onA, step] of steps) {
          const { cache } = onA ? a : b;
          if (step.kind === "read") await cache.getOrCompute(step.key, compute(`computed-${++n}`));
          else if (step.kind === "set") await cache.set(step.key, step.value, 60_000);
          else if (step.kind === "delete") await cache.delete(step.key);
          else await cache.deleteTenant(step.tenant);
          await settle();
          for (const k of ["acme:q:1", "acme:q:2", "beta:q:1"]) {
            const shared = await l2.get(k);
            for (const { l1 } of [a, b]) {
              const local = await l1.get(k);
              if (local.kind === "hit") expect(shared).toMatchObject({ kind: "hit", value: local.value });
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test_coherence")}:`;

describe.skipIf(skip)("TieredCache coherence across instances sharing real Redis", () => {
  const clock = new SystemClock();
  const connections: Redis[] = [];
  const buses: RedisInvalidationBus[] = [];

  async function instance() {
    const [forL2, forBus] = [0, 1].map(() => {
      const r = createRedis(REDIS_URL, { commandTimeoutMs: 2_000, connectionName: "eh-test-coherence" });
      connections.push(r);
      return r;
    }) as [Redis, Redis];
    await Promise.all([connectRedis(forL2), connectRedis(forBus)]);
    const bus = new RedisInvalidationBus(forBus, { prefix });
    buses.push(bus);
    expect(await bus.connect()).toBe(true);
    const l1 = new LruCacheTier({ name: "L1" });
    const tiers = [
      { tier: l1, ttlMs: 60_000 },
      { tier: new RedisCacheTier(forL2, { prefix }), ttlMs: 600_000 },
    ];
    return { l1, cache: new TieredCache(tiers, clock, { localTiers: ["L1"], invalidationBus: bus }) };
  }

  /** Polls every 2 ms for at most 100 ms: the coherence promise. */
  const within100ms = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 100, interval: 2 });
  const gone = (l1: LruCacheTier, key: string) => async () =>
    expect(await l1.get(key)).toEqual({ kind: "miss" });

  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  beforeAll(async () => {
    [a, b] = [await instance(), await instance()];
  });

  afterAll(async () => {
    a.cache.close();
    b.cache.close();
    await new RedisCacheTier(connections[0]!, { prefix: "" }).deleteTenant(prefix.slice(0, -1));
    for (const bus of buses) await bus.close();
    for (const r of connections) await r.quit();
  });

  it("a delete on A removes the key from B's L1 within 100 ms", async () => {
    await b.cache.getOrCompute("acme:qualify:del", compute("v"));
    expect(await b.l1.get("acme:qualify:del")).toMatchObject({ kind: "hit" });
    await a.cache.delete("acme:qualify:del");
    await within100ms(gone(b.l1, "acme:qualify:del"));
  });

  it("a set on A removes B's old copy within 100 ms, and B then reads A's value", async () => {
    await b.cache.getOrCompute("acme:qualify:set", compute("old"));
    await a.cache.set("acme:qualify:set", "new", 60_000);
    await within100ms(gone(b.l1, "acme:qualify:set"));
    expect(await b.cache.getOrCompute("acme:qualify:set", compute("unused"))).toMatchObject({
      value: "new",
      source: "L2",
    });
  });

  it("deleteTenant on A clears B's L1 of that tenant within 100 ms, and leaves other tenants", async () => {
    for (const k of ["ccpa:qualify:1", "ccpa:qualify:2", "other:qualify:1"])
      await b.cache.getOrCompute(k, compute("personal data"));
    await a.cache.deleteTenant("ccpa");
    await within100ms(async () => {
      await gone(b.l1, "ccpa:qualify:1")();
      await gone(b.l1, "ccpa:qualify:2")();
    });
    expect(await b.l1.get("other:qualify:1")).toMatchObject({ kind: "hit" });
  });
});
