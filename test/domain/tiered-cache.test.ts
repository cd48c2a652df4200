import { beforeEach, describe, expect, it, vi } from "vitest";
import { TieredCache, TieredCacheError } from "../../src/domain/tiered-cache.ts";
import type { CacheLookup, CacheTier } from "../../src/ports/cache-tier.ts";
import { ManualClock } from "../support/manual-clock.ts";

/** A Map-based tier on the manual clock that logs its calls and can be told to fail. */
class FakeTier implements CacheTier {
  readonly entries = new Map<string, { value: string; expiresAt: number; ttlMs: number }>();
  readonly calls: string[] = [];
  /** Thrown by every call while set. */
  failWith: Error | undefined;
  /** Thrown by set() only while set. */
  failWritesWith: Error | undefined;

  constructor(
    readonly name: string,
    private readonly clock: ManualClock,
  ) {}

  async get(key: string): Promise<CacheLookup> {
    this.calls.push(`get ${key}`);
    if (this.failWith) throw this.failWith;
    const e = this.entries.get(key);
    if (!e || e.expiresAt <= this.clock.now()) return { kind: "miss" };
    return { kind: "hit", value: e.value, remainingTtlMs: e.expiresAt - this.clock.now() };
  }
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.calls.push(`set ${key} ${ttlMs}`);
    if (this.failWith ?? this.failWritesWith) throw this.failWith ?? this.failWritesWith;
    this.entries.set(key, { value, ttlMs, expiresAt: this.clock.now() + ttlMs });
  }
  async delete(key: string): Promise<void> {
    this.calls.push(`delete ${key}`);
    if (this.failWith) throw this.failWith;
    this.entries.delete(key);
  }
  async deleteTenant(tenant: string): Promise<number> {
    this.calls.push(`deleteTenant ${tenant}`);
    if (this.failWith) throw this.failWith;
    const mine = [...this.entries.keys()].filter((k) => k.startsWith(`${tenant}:`));
    for (const k of mine) this.entries.delete(k);
    return mine.length;
  }
  /** TTL the tier was last given for `key`. */
  ttlOf(key: string): number | undefined {
    return this.entries.get(key)?.ttlMs;
  }
  reads(): number {
    return this.calls.filter((c) => c.startsWith("get ")).length;
  }
}

const TTL = { L1: 300_000, L2: 3_600_000, L3: 86_400_000 };
const KEY = "acme:qualify:abc123";
const down = () => new Error("ECONNREFUSED");

let clock: ManualClock;
let l1: FakeTier;
let l2: FakeTier;
let l3: FakeTier;
let cache: TieredCache;

beforeEach(() => {
  clock = new ManualClock();
  [l1, l2, l3] = ["L1", "L2", "L3"].map((n) => new FakeTier(n, clock)) as [FakeTier, FakeTier, FakeTier];
  cache = new TieredCache(
    [
      { tier: l1, ttlMs: TTL.L1 },
      { tier: l2, ttlMs: TTL.L2 },
      { tier: l3, ttlMs: TTL.L3 },
    ],
    clock,
    { breaker: { failureThreshold: 3, cooldownMs: 5_000 } },
  );
});

const origin = (value = "computed") => vi.fn(async () => ({ value }));

describe("TieredCache.getOrCompute", () => {
  it("computes on a full miss and writes every tier with its own TTL", async () => {
    const compute = origin();
    expect(await cache.getOrCompute(KEY, compute)).toEqual({
      value: "computed",
      source: "origin",
      degraded: [],
      shared: false,
    });
    expect(compute).toHaveBeenCalledTimes(1);
    expect([l1.ttlOf(KEY), l2.ttlOf(KEY), l3.ttlOf(KEY)]).toEqual([TTL.L1, TTL.L2, TTL.L3]);
  });

  it("serves the next call from L1 without reading lower tiers or computing", async () => {
    await cache.getOrCompute(KEY, origin());
    const compute = origin("other");
    expect(await cache.getOrCompute(KEY, compute)).toMatchObject({ value: "computed", source: "L1" });
    expect(compute).not.toHaveBeenCalled();
    expect(l2.reads()).toBe(1);
  });

  it("serves an L2 hit without reading L3, backfilling L1 with min(remaining TTL, L1 TTL)", async () => {
    await l2.set(KEY, "from-l2", 100_000);
    clock.advance(40_000);
    expect(await cache.getOrCompute(KEY, origin())).toMatchObject({ value: "from-l2", source: "L2" });
    expect(l3.reads()).toBe(0);
    expect(l1.ttlOf(KEY)).toBe(60_000);
  });

  it("backfills L1 and L2 from an L3 hit, each capped at its own TTL", async () => {
    await l3.set(KEY, "from-l3", 2 * TTL.L2);
    expect(await cache.getOrCompute(KEY, origin())).toMatchObject({ value: "from-l3", source: "L3" });
    expect([l1.ttlOf(KEY), l2.ttlOf(KEY)]).toEqual([TTL.L1, TTL.L2]);
  });

  it("serves from L3 while L2 errors, never writing L2, and counts the error", async () => {
    await l3.set(KEY, "from-l3", 1_000_000);
    l2.failWith = down();
    expect(await cache.getOrCompute(KEY, origin())).toEqual({
      value: "from-l3",
      source: "L3",
      degraded: ["L2"],
      shared: false,
    });
    expect(l1.ttlOf(KEY)).toBe(TTL.L1);
    expect(l2.calls.filter((c) => c.startsWith("set"))).toEqual([]);
    expect(cache.stats().tiers[1]).toMatchObject({ name: "L2", errors: 1, hits: 0 });
  });

  it("serves from the origin while L2 errors and L3 misses, writing L1 and L3 only", async () => {
    l2.failWith = down();
    expect(await cache.getOrCompute(KEY, origin())).toMatchObject({ source: "origin", degraded: ["L2"] });
    expect([l1.ttlOf(KEY), l3.ttlOf(KEY)]).toEqual([TTL.L1, TTL.L3]);
    expect(l2.calls).toEqual([`get ${KEY}`]);
  });

  it("counts a thrown TimeoutError as a timeout, not a hit", async () => {
    l1.failWith = Object.assign(new Error("command timed out"), { name: "TimeoutError" });
    await cache.getOrCompute(KEY, origin());
    expect(cache.stats().tiers[0]).toMatchObject({ timeouts: 1, errors: 0, hits: 0 });
  });

  it("does not fail the request when a backfill or origin write fails; it counts the write error", async () => {
    l1.failWritesWith = down();
    await l3.set(KEY, "from-l3", 1_000_000);
    expect(await cache.getOrCompute(KEY, origin())).toMatchObject({ value: "from-l3", source: "L3" });
    expect(await cache.getOrCompute("acme:qualify:other", origin())).toMatchObject({ source: "origin" });
    expect(cache.stats().tiers[0]?.writeErrors).toBe(2);
  });

  it("stops calling a tier once its breaker opens, and tries it again after the cooldown", async () => {
    l2.failWith = down();
    for (let i = 0; i < 3; i++) await cache.getOrCompute(`acme:q:${i}`, origin());
    expect(cache.breakerStates()[1]).toMatchObject({ tier: "L2", state: "open" });
    const callsWhenOpened = l2.calls.length;
    for (let i = 3; i < 10; i++) {
      expect(await cache.getOrCompute(`acme:q:${i}`, origin())).toMatchObject({
        source: "origin",
        degraded: ["L2"],
      });
    }
    expect(l2.calls.length).toBe(callsWhenOpened);
    expect(cache.stats().tiers[1]).toMatchObject({ errors: 3, skipped: 7 });
    l2.failWith = undefined;
    clock.advance(5_000);
    await cache.getOrCompute("acme:q:recovered", origin());
    expect(l2.calls.length).toBeGreaterThan(callsWhenOpened);
    expect(cache.breakerStates().map((b) => b.state)).toEqual(["closed", "closed", "closed"]);
  });

  it("caps tier TTLs at the value's own TTL, and stores nothing for a TTL of 0", async () => {
    await cache.getOrCompute(KEY, async () => ({ value: "short", ttlMs: 1_000 }));
    expect([l1.ttlOf(KEY), l2.ttlOf(KEY), l3.ttlOf(KEY)]).toEqual([1_000, 1_000, 1_000]);
    await cache.getOrCompute("acme:q:nocache", async () => ({ value: "fallback", ttlMs: 0 }));
    expect(l1.entries.has("acme:q:nocache") || l3.entries.has("acme:q:nocache")).toBe(false);
  });

  it("runs one cascade and one computation for 100 concurrent callers of one key", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const compute = vi.fn(async () => {
      await gate;
      return { value: "once" };
    });
    const calls = Array.from({ length: 100 }, () => cache.getOrCompute(KEY, compute));
    release();
    const results = await Promise.all(calls);
    expect(compute).toHaveBeenCalledTimes(1);
    expect([l1.reads(), l2.reads(), l3.reads()]).toEqual([1, 1, 1]);
    expect(new Set(results.map((r) => r.value))).toEqual(new Set(["once"]));
    expect(results.filter((r) => r.shared)).toHaveLength(99);
    expect(cache.stats()).toMatchObject({ requests: 1, coalesced: 99 });
  });

  it("rejects every waiter when the computation fails, and the next call computes again", async () => {
    const failing = vi.fn(async () => {
      throw new Error("model down");
    });
    const calls = Array.from({ length: 10 }, () => cache.getOrCompute(KEY, failing));
    const settled = await Promise.allSettled(calls);
    expect(settled.every((s) => s.status === "rejected")).toBe(true);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(cache.stats().originFailures).toBe(1);
    const retry = origin("recovered");
    expect(await cache.getOrCompute(KEY, retry)).toMatchObject({ value: "recovered", source: "origin" });
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("does not write back a value computed before the key was deleted", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const pending = cache.getOrCompute(KEY, async () => {
      await gate;
      return { value: "stale" };
    });
    await cache.delete(KEY);
    release();
    expect((await pending).value).toBe("stale");
    expect([l1.entries.has(KEY), l2.entries.has(KEY), l3.entries.has(KEY)]).toEqual([false, false, false]);
  });

  it("keeps per-tier statistics whose hits add up to the overall hits", async () => {
    await l2.set("acme:q:2", "v", 60_000);
    await l3.set("acme:q:3", "v", 60_000);
    for (const k of ["acme:q:2", "acme:q:3", "acme:q:origin", "acme:q:2"])
      await cache.getOrCompute(k, origin());
    const s = cache.stats();
    expect(s).toMatchObject({ requests: 4, hits: 3, misses: 1, hitRate: 0.75 });
    expect(s.tiers.map((t) => t.hits)).toEqual([1, 1, 1]);
  });
});

describe("TieredCache.get / set / delete / deleteTenant", () => {
  it("get() returns undefined on a full miss, without computing or writing", async () => {
    expect(await cache.get(KEY)).toBeUndefined();
    expect([l1.entries.size, l2.entries.size, l3.entries.size]).toEqual([0, 0, 0]);
  });

  it("get() returns a lower-tier hit and backfills above it", async () => {
    await l3.set(KEY, "v", 10_000);
    expect(await cache.get(KEY)).toMatchObject({ value: "v", source: "L3" });
    expect([l1.ttlOf(KEY), l2.ttlOf(KEY)]).toEqual([10_000, 10_000]);
  });

  it("set() writes every tier with min(TTL, tier TTL) and reports a failing tier without throwing", async () => {
    l2.failWith = down();
    const report = await cache.set(KEY, "v", 1_000_000);
    expect(report.failures.map((f) => f.tier)).toEqual(["L2"]);
    expect([l1.ttlOf(KEY), l3.ttlOf(KEY)]).toEqual([TTL.L1, 1_000_000]);
    await expect(cache.set(KEY, "v", 0)).rejects.toThrow(TypeError);
  });

  it("delete() removes the key from every tier and collects errors", async () => {
    await cache.set(KEY, "v", 60_000);
    l3.failWith = down();
    const report = await cache.delete(KEY);
    expect(report.failures).toEqual([{ tier: "L3", error: l3.failWith }]);
    expect([l1.entries.has(KEY), l2.entries.has(KEY)]).toEqual([false, false]);
  });

  it("delete() throws TieredCacheError (all_tiers_failed) only when every tier failed", async () => {
    for (const t of [l1, l2, l3]) t.failWith = down();
    const error = await cache.delete(KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TieredCacheError);
    expect(error).toMatchObject({ code: "all_tiers_failed" });
    expect((error as TieredCacheError).failures.map((f) => f.tier)).toEqual(["L1", "L2", "L3"]);
  });

  it("delete() still reaches a tier whose circuit is open (erasure cannot be skipped)", async () => {
    l2.failWith = down();
    for (let i = 0; i < 3; i++) await cache.get(`acme:q:${i}`);
    expect(cache.breakerStates()[1]?.state).toBe("open");
    l2.failWith = undefined;
    await l2.set(KEY, "personal data", 60_000);
    await cache.delete(KEY);
    expect(l2.entries.has(KEY)).toBe(false);
  });

  it("deleteTenant() removes one tenant's keys from every tier and sums what was removed", async () => {
    await cache.set("acme:q:1", "v", 60_000);
    await cache.set("acme:q:2", "v", 60_000);
    await cache.set("acmeother:q:1", "v", 60_000);
    expect(await cache.deleteTenant("acme")).toEqual({ removed: 6, failures: [] });
    expect([...l1.entries.keys()]).toEqual(["acmeother:q:1"]);
  });

  it("deleteTenant() rejects a tenant that could match other tenants' keys", async () => {
    await expect(cache.deleteTenant("acme*")).rejects.toMatchObject({ code: "invalid_tenant" });
    expect(l1.calls).toEqual([]);
  });
});

describe("TieredCache construction", () => {
  it.each([
    ["a duplicate tier name", [{ name: "L1" }, { name: "L1" }], 1_000],
    ["a tier named origin", [{ name: "origin" }], 1_000],
    ["a TTL of 0", [{ name: "L1" }], 0],
  ])("rejects %s", (_what, tiers, ttlMs) => {
    const bindings = tiers.map((t) => ({ tier: new FakeTier(t.name, clock), ttlMs }));
    expect(() => new TieredCache(bindings, clock)).toThrow(TypeError);
  });

  it("reports every breaker closed at start, in read order", () => {
    expect(cache.breakerStates().map((b) => [b.tier, b.state])).toEqual([
      ["L1", "closed"],
      ["L2", "closed"],
      ["L3", "closed"],
    ]);
  });
});
