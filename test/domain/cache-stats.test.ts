import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CacheStats } from "../../src/domain/cache-stats.ts";
import type { TierOutcome } from "../../src/domain/tier-cascade.ts";

const miss: TierOutcome = { kind: "miss" };
const hit: TierOutcome = { kind: "hit", remainingTtlMs: 1_000 };

/** A cascade over three tiers as the service records it: outcomes up to and including the first hit. */
const cascadeArb: fc.Arbitrary<TierOutcome[]> = fc
  .array(
    fc.constantFrom<TierOutcome>(hit, miss, { kind: "error" }, { kind: "timeout" }, { kind: "skipped" }),
    { minLength: 3, maxLength: 3 },
  )
  .map((os) => {
    const first = os.findIndex((o) => o.kind === "hit");
    return first === -1 ? os : os.slice(0, first + 1);
  });

describe("CacheStats", () => {
  it("reports zero rates, never NaN, before any traffic", () => {
    const s = new CacheStats(["L1", "L2", "L3"]).snapshot();
    expect(s).toMatchObject({ requests: 0, hits: 0, misses: 0, hitRate: 0 });
    expect(s.tiers.map((t) => [t.hitRate, t.requestShare])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it("reproduces the report's per-tier figures: L1 59.08% (5,908 hits), overall 88.07%, 1,193 origin", () => {
    const stats = new CacheStats(["L1", "L2", "L3"]);
    const record = (times: number, outcomes: TierOutcome[]) => {
      for (let i = 0; i < times; i++) stats.recordCascade(outcomes);
    };
    record(5_908, [hit]);
    record(2_050, [miss, hit]);
    record(849, [miss, miss, hit]);
    record(1_193, [miss, miss, miss]);
    const s = stats.snapshot();
    expect(s).toMatchObject({ requests: 10_000, hits: 8_807, misses: 1_193, hitRate: 0.8807 });
    const [l1, l2, l3] = s.tiers;
    expect(l1).toMatchObject({
      name: "L1",
      hits: 5_908,
      lookups: 10_000,
      requestShare: 0.5908,
      hitRate: 0.5908,
    });
    // L2 sees only L1's misses: 2,050 of 4,092 lookups, 20.5% of all requests.
    expect(l2).toMatchObject({ hits: 2_050, lookups: 4_092, misses: 2_042, requestShare: 0.205 });
    expect(l2?.hitRate).toBeCloseTo(2_050 / 4_092, 12);
    expect(l3).toMatchObject({ hits: 849, lookups: 2_042, requestShare: 0.0849 });
  });

  it("counts errors and timeouts as lookups that missed, and skipped tiers as no lookup at all", () => {
    const stats = new CacheStats(["L1", "L2", "L3"]);
    stats.recordCascade([miss, { kind: "error" }, hit]);
    stats.recordCascade([{ kind: "timeout" }, { kind: "skipped" }, miss]);
    stats.recordWriteError(1);
    const [l1, l2, l3] = stats.snapshot().tiers;
    expect(l1).toMatchObject({ lookups: 2, misses: 1, timeouts: 1, hits: 0 });
    expect(l2).toMatchObject({ lookups: 1, errors: 1, skipped: 1, writeErrors: 1 });
    expect(l3).toMatchObject({ lookups: 2, hits: 1, misses: 1, hitRate: 0.5 });
  });

  it("counts coalesced callers and origin failures apart from requests", () => {
    const stats = new CacheStats(["L1"]);
    stats.recordCascade([miss]);
    stats.recordCoalesced();
    stats.recordCoalesced();
    stats.recordOriginFailure();
    expect(stats.snapshot()).toMatchObject({ requests: 1, coalesced: 2, originFailures: 1 });
  });

  it("hands out snapshots that later traffic does not change and that cannot be mutated", () => {
    const stats = new CacheStats(["L1"]);
    stats.recordCascade([hit]);
    const before = stats.snapshot();
    stats.recordCascade([miss]);
    expect(before.requests).toBe(1);
    expect(before.tiers[0]?.hits).toBe(1);
    expect(Object.isFrozen(before) && Object.isFrozen(before.tiers) && Object.isFrozen(before.tiers[0])).toBe(
      true,
    );
    expect(stats.snapshot().requests).toBe(2);
  });

  it("rejects a cascade that reads past a hit or past the last tier", () => {
    const stats = new CacheStats(["L1", "L2"]);
    expect(() => stats.recordCascade([hit, miss])).toThrow(RangeError);
    expect(() => stats.recordCascade([miss, miss, miss])).toThrow(RangeError);
    expect(() => stats.recordWriteError(2)).toThrow(RangeError);
  });

  it("keeps overall hits equal to the sum of tier hits, and hits + misses equal to requests", () => {
    fc.assert(
      fc.property(fc.array(cascadeArb, { maxLength: 200 }), (cascades) => {
        const stats = new CacheStats(["L1", "L2", "L3"]);
        for (const c of cascades) stats.recordCascade(c);
        const s = stats.snapshot();
        expect(s.hits).toBe(s.tiers.reduce((sum, t) => sum + t.hits, 0));
        expect(s.hits + s.misses).toBe(cascades.length);
        expect(s.misses).toBe(cascades.filter((c) => c.every((o) => o.kind !== "hit")).length);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every rate within [0, 1] and tier shares summing to the overall hit rate", () => {
    fc.assert(
      fc.property(fc.array(cascadeArb, { maxLength: 200 }), (cascades) => {
        const stats = new CacheStats(["L1", "L2", "L3"]);
        for (const c of cascades) stats.recordCascade(c);
        const s = stats.snapshot();
        for (const r of [s.hitRate, ...s.tiers.flatMap((t) => [t.hitRate, t.requestShare])]) {
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
        }
        expect(s.tiers.reduce((sum, t) => sum + t.requestShare, 0)).toBeCloseTo(s.hitRate, 12);
      }),
      { numRuns: 200 },
    );
  });
});
