import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CascadeDecision,
  capTtl,
  decideCascade,
  nextStep,
  TierCascadeError,
  type TierOutcome,
  type TierSpec,
} from "../../src/domain/tier-cascade.ts";

const runs = { numRuns: 200 };
const TIERS: TierSpec[] = [
  { name: "L1", ttlMs: 300_000 },
  { name: "L2", ttlMs: 3_600_000 },
  { name: "L3", ttlMs: 86_400_000 },
];
const miss: TierOutcome = { kind: "miss" };
const error: TierOutcome = { kind: "error" };
const hit = (remainingTtlMs: number): TierOutcome => ({ kind: "hit", remainingTtlMs });

const tiersArb = fc.array(
  fc.record({ name: fc.string({ minLength: 1, maxLength: 4 }), ttlMs: fc.integer({ min: 1, max: 1e8 }) }),
  { minLength: 1, maxLength: 5 },
);
const outcomeArb: fc.Arbitrary<TierOutcome> = fc.oneof(
  fc.integer({ min: -10, max: 2e8 }).map(hit),
  fc.constantFrom<TierOutcome>(miss, error, { kind: "timeout" }, { kind: "skipped" }),
);

/** Runs the cascade the way the service does: ask, read, record, until done. */
function runCascade(
  tiers: readonly TierSpec[],
  answers: readonly TierOutcome[],
): { reads: number[]; decision: CascadeDecision } {
  const outcomes: TierOutcome[] = [];
  const reads: number[] = [];
  for (;;) {
    const step = nextStep(tiers, outcomes);
    if (step.kind === "done") return { reads, decision: step.decision };
    reads.push(step.index);
    outcomes.push(answers[step.index]!);
  }
}
const cascadeArb = tiersArb.chain((tiers) =>
  fc.tuple(fc.constant(tiers), fc.array(outcomeArb, { minLength: tiers.length, maxLength: tiers.length })),
);

describe("tier cascade policy", () => {
  it("serves an L1 hit with nothing to write", () => {
    expect(decideCascade(TIERS, [hit(1_000)])).toEqual({
      source: { kind: "tier", index: 0, name: "L1" },
      backfill: [],
      originWrites: [],
      degraded: [],
    });
  });

  it("backfills above an L3 hit with min(remaining TTL, tier TTL)", () => {
    const d = decideCascade(TIERS, [miss, miss, hit(600_000)]);
    expect(d.source).toEqual({ kind: "tier", index: 2, name: "L3" });
    expect(d.backfill).toEqual([
      { index: 0, name: "L1", ttlMs: 300_000 },
      { index: 1, name: "L2", ttlMs: 600_000 },
    ]);
  });

  it("skips an erroring L2: served from L3, L1 backfilled, L2 neither written nor a hit", () => {
    const d = decideCascade(TIERS, [miss, error, hit(10_000)]);
    expect(d.source).toMatchObject({ name: "L3" });
    expect(d.backfill).toEqual([{ index: 0, name: "L1", ttlMs: 10_000 }]);
    expect(d.degraded).toEqual([{ index: 1, name: "L2", kind: "error" }]);
  });

  it("writes every healthy tier with its own TTL after an origin fetch", () => {
    const d = decideCascade(TIERS, [miss, { kind: "timeout" }, miss]);
    expect(d.source).toEqual({ kind: "origin" });
    expect(d.originWrites).toEqual([
      { index: 0, name: "L1", ttlMs: 300_000 },
      { index: 2, name: "L3", ttlMs: 86_400_000 },
    ]);
    expect(d.degraded).toEqual([{ index: 1, name: "L2", kind: "timeout" }]);
  });

  it("does not backfill a hit that has already run out of TTL", () => {
    expect(decideCascade(TIERS, [miss, hit(0)]).backfill).toEqual([]);
  });

  it("stops reading at the first hit", () => {
    expect(runCascade(TIERS, [miss, hit(5), miss]).reads).toEqual([0, 1]);
    expect(nextStep(TIERS, [])).toEqual({ kind: "read", index: 0 });
  });

  it.each([
    ["more outcomes than tiers", [miss, miss, miss, miss]],
    ["no hit and tiers left unread", [miss]],
    ["reads below a hit", [hit(5), miss]],
  ])("rejects %s", (_what, outcomes) => {
    expect(() => decideCascade(TIERS, outcomes)).toThrow(TierCascadeError);
  });

  it("caps writes at a value's own TTL, and drops them all for a TTL <= 0", () => {
    const writes = decideCascade(TIERS, [miss, miss, miss]).originWrites;
    expect(capTtl(writes, 60_000).map((w) => w.ttlMs)).toEqual([60_000, 60_000, 60_000]);
    expect(capTtl(writes, undefined)).toBe(writes);
    expect(capTtl(writes, 0)).toEqual([]);
  });

  it("makes the source the first hit in tier order, reading no tier below it", () => {
    fc.assert(
      fc.property(cascadeArb, ([tiers, answers]) => {
        const { reads, decision } = runCascade(tiers, answers);
        const first = answers.findIndex((o) => o.kind === "hit");
        expect(decision.source).toEqual(
          first === -1 ? { kind: "origin" } : { kind: "tier", index: first, name: tiers[first]!.name },
        );
        expect(reads).toEqual([...Array(first === -1 ? tiers.length : first + 1).keys()]);
      }),
      runs,
    );
  });

  it("never backfills the hit tier or any tier below it", () => {
    fc.assert(
      fc.property(cascadeArb, ([tiers, answers]) => {
        const { decision } = runCascade(tiers, answers);
        const at = decision.source.kind === "tier" ? decision.source.index : tiers.length;
        for (const w of decision.backfill) expect(w.index).toBeLessThan(at);
      }),
      runs,
    );
  });

  it("never gives a backfill a TTL above the remaining TTL or above the tier's TTL, nor <= 0", () => {
    fc.assert(
      fc.property(cascadeArb, ([tiers, answers]) => {
        const { decision } = runCascade(tiers, answers);
        if (decision.source.kind !== "tier") return;
        const source = answers[decision.source.index];
        const remaining = source?.kind === "hit" ? source.remainingTtlMs : Number.NaN;
        for (const w of decision.backfill) {
          expect(w.ttlMs).toBeLessThanOrEqual(remaining);
          expect(w.ttlMs).toBeLessThanOrEqual(tiers[w.index]!.ttlMs);
          expect(w.ttlMs).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });

  it("never makes an erroring, timed-out or skipped tier a hit or a write, and always lists it as degraded", () => {
    fc.assert(
      fc.property(cascadeArb, ([tiers, answers]) => {
        const { reads, decision } = runCascade(tiers, answers);
        const bad = reads.filter((i) => ["error", "timeout", "skipped"].includes(answers[i]!.kind));
        const written = [...decision.backfill, ...decision.originWrites].map((w) => w.index);
        for (const i of bad) expect(written).not.toContain(i);
        if (decision.source.kind === "tier") expect(bad).not.toContain(decision.source.index);
        expect(decision.degraded.map((d) => d.index)).toEqual(bad);
      }),
      runs,
    );
  });

  it("writes every tier that missed after an origin fetch, with that tier's TTL", () => {
    fc.assert(
      fc.property(cascadeArb, ([tiers, answers]) => {
        const { decision } = runCascade(tiers, answers);
        if (decision.source.kind !== "origin") {
          expect(decision.originWrites).toEqual([]);
          return;
        }
        const missed = answers.flatMap((o, i) => (o.kind === "miss" ? [i] : []));
        expect(decision.originWrites.map((w) => w.index)).toEqual(missed);
        for (const w of decision.originWrites) expect(w.ttlMs).toBe(tiers[w.index]!.ttlMs);
      }),
      runs,
    );
  });
});
