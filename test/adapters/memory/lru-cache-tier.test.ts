import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LruCacheTier } from "../../../src/adapters/memory/lru-cache-tier.ts";
import { VirtualClock } from "../../../src/adapters/simulated/virtual-clock.ts";
import { describeCacheTierContract } from "../../contracts/cache-tier.contract.ts";

describeCacheTierContract("lru-cache (virtual clock)", async () => {
  const clock = new VirtualClock();
  return { tier: new LruCacheTier({ clock }), tick: async (ms) => clock.advance(ms), ttlSlackMs: 1 };
});

// The production configuration: lru-cache's own performance.now() and real time passing.
describeCacheTierContract("lru-cache (real time)", async () => ({
  tier: new LruCacheTier(),
  tick: (ms) => sleep(ms),
  ttlSlackMs: 5,
}));

describe("LruCacheTier", () => {
  it('is named "L1" unless given a name', () => {
    expect(new LruCacheTier().name).toBe("L1");
    expect(new LruCacheTier({ name: "L1-edge" }).name).toBe("L1-edge");
  });

  it("reports the exact remaining TTL in whole ms on its clock, and a get does not extend it", async () => {
    const clock = new VirtualClock();
    const tier = new LruCacheTier({ clock });
    await tier.set("t:op:a", "v", 1_000);
    clock.advance(400);
    expect(await tier.get("t:op:a")).toEqual({ kind: "hit", value: "v", remainingTtlMs: 600 });
    clock.advance(599);
    expect(await tier.get("t:op:a")).toEqual({ kind: "hit", value: "v", remainingTtlMs: 1 });
    clock.advance(1);
    expect(await tier.get("t:op:a")).toEqual({ kind: "miss" });
  });

  it("works with a clock that starts at 0 (lru-cache reads a start of 0 as 'no TTL')", async () => {
    const clock = new VirtualClock(0);
    const tier = new LruCacheTier({ clock });
    await tier.set("t:op:a", "v", 100);
    clock.advance(101);
    expect(await tier.get("t:op:a")).toEqual({ kind: "miss" });
  });

  it("rounds a fractional TTL up to whole ms", async () => {
    const clock = new VirtualClock();
    const tier = new LruCacheTier({ clock });
    await tier.set("t:op:a", "v", 0.4);
    expect(await tier.get("t:op:a")).toEqual({ kind: "hit", value: "v", remainingTtlMs: 1 });
  });

  it("rejects a TTL that is not > 0", async () => {
    const tier = new LruCacheTier();
    await expect(tier.set("t:op:a", "v", 0)).rejects.toThrow(RangeError);
    await expect(tier.set("t:op:a", "v", Number.NaN)).rejects.toThrow(RangeError);
  });

  it("evicts the least recently used entry past maxEntries", async () => {
    const tier = new LruCacheTier({ maxEntries: 3 });
    for (const k of ["a", "b", "c"]) await tier.set(`t:op:${k}`, k, 60_000);
    await tier.get("t:op:a"); // now "b" is the least recently used
    await tier.set("t:op:d", "d", 60_000);
    expect((await tier.get("t:op:b")).kind).toBe("miss");
    for (const k of ["a", "c", "d"]) expect((await tier.get(`t:op:${k}`)).kind).toBe("hit");
    expect(tier.entries).toBe(3);
  });

  it("counts 2 bytes per UTF-16 code unit of key and value, and evicts to stay within maxBytes", async () => {
    const tier = new LruCacheTier({ maxBytes: 1_000 });
    await tier.set("t:op:a", "x".repeat(194), 60_000); // (6 + 194) * 2 = 400 bytes
    expect(tier.bytes).toBe(400);
    await tier.set("t:op:b", "x".repeat(194), 60_000);
    await tier.set("t:op:c", "x".repeat(194), 60_000); // 1,200 > 1,000: "a" goes
    expect(tier.bytes).toBe(800);
    expect((await tier.get("t:op:a")).kind).toBe("miss");
    expect((await tier.get("t:op:c")).kind).toBe("hit");
  });

  it("does not store a value larger than maxBytes, and drops the key's older value", async () => {
    const tier = new LruCacheTier({ maxBytes: 1_000 });
    await tier.set("t:op:a", "small", 60_000);
    await tier.set("t:op:a", "x".repeat(2_000), 60_000);
    expect(await tier.get("t:op:a")).toEqual({ kind: "miss" });
    expect(tier.bytes).toBe(0);
  });

  it("deletes a tenant's keys by prefix and says how many", async () => {
    const tier = new LruCacheTier();
    for (let i = 0; i < 5; i++) await tier.set(`acme:qualify:${i}`, "v", 60_000);
    await tier.set("acme2:qualify:0", "v", 60_000);
    expect(await tier.deleteTenant("acme")).toBe(5);
    expect(await tier.deleteTenant("acme")).toBe(0);
    expect(tier.entries).toBe(1);
  });

  it("rejects bounds that are not positive integers", () => {
    expect(() => new LruCacheTier({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => new LruCacheTier({ maxBytes: 1.5 })).toThrow(RangeError);
  });

  it("property: never holds more than maxEntries entries or maxBytes bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 20, max: 400 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.string({ maxLength: 120 })), { maxLength: 60 }),
        async (maxEntries, maxBytes, writes) => {
          const tier = new LruCacheTier({ maxEntries, maxBytes });
          for (const [k, v] of writes) {
            await tier.set(`t:op:${k}`, v, 60_000);
            expect(tier.entries).toBeLessThanOrEqual(maxEntries);
            expect(tier.bytes).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: the last value written to a key is read back while it fits and has not been evicted", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 40 })), {
          minLength: 1,
          maxLength: 40,
        }),
        async (writes) => {
          // Room for every key: nothing is evicted, so the tier must behave as a map.
          const tier = new LruCacheTier({ maxEntries: 100, maxBytes: 1_000_000 });
          const model = new Map<string, string>();
          for (const [k, v] of writes) {
            await tier.set(`t:op:${k}`, v, 60_000);
            model.set(`t:op:${k}`, v);
          }
          for (const [k, v] of model) expect(await tier.get(k)).toMatchObject({ kind: "hit", value: v });
        },
      ),
      { numRuns: 200 },
    );
  });
});
