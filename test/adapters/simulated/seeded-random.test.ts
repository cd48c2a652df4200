import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/adapters/simulated/seeded-random.ts";

const take = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

describe("SeededRandom (sfc32 seeded by splitmix32)", () => {
  it("produces the golden sequence for seed 42 (a changed algorithm or seeding breaks every benchmark)", () => {
    expect(take(new SeededRandom(42), 5)).toEqual([
      0.5767213918734342, 0.5318840781692415, 0.212930012261495, 0.7912528037559241, 0.23419718188233674,
    ]);
  });

  it("gives two streams with seed 42 identical sample arrays", () => {
    expect(take(new SeededRandom(42), 1_000)).toEqual(take(new SeededRandom(42), 1_000));
  });

  it("gives different seeds different sequences", () => {
    expect(take(new SeededRandom(42), 8)).not.toEqual(take(new SeededRandom(43), 8));
    expect(take(new SeededRandom(-1), 8)).not.toEqual(take(new SeededRandom(2 ** 32 - 1), 8));
  });

  it("rejects a seed that is not a safe integer", () => {
    expect(() => new SeededRandom(1.5)).toThrow(TypeError);
    expect(() => new SeededRandom(Number.NaN)).toThrow(TypeError);
  });

  it("spreads 100,000 draws evenly over ten buckets (chi-square well under the 0.1 % critical value)", () => {
    const random = new SeededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const b = Math.floor(random.next() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    const chiSquare = buckets.reduce((sum, observed) => sum + (observed - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(27.88); // 9 degrees of freedom, p = 0.001
  });

  it("property: every draw lies in [0, 1) for any seed", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const random = new SeededRandom(seed);
        return take(random, 50).every((x) => x >= 0 && x < 1);
      }),
      { numRuns: 200 },
    );
  });

  it("property: the same seed always replays the same sequence", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        expect(take(new SeededRandom(seed), 20)).toEqual(take(new SeededRandom(seed), 20));
      }),
      { numRuns: 200 },
    );
  });
});

describe("SeededRandom.fork", () => {
  it("derives a fork from the seed and label only, however far the parent has been read", () => {
    const fresh = new SeededRandom(42);
    const used = new SeededRandom(42);
    take(used, 123);
    expect(take(used.fork("L2"), 10)).toEqual(take(fresh.fork("L2"), 10));
  });

  it("does not move the parent stream", () => {
    const parent = new SeededRandom(42);
    parent.fork("crm");
    expect(take(parent, 5)).toEqual(take(new SeededRandom(42), 5));
  });

  it("gives different labels, and the parent itself, different streams", () => {
    const parent = new SeededRandom(42);
    const l1 = take(parent.fork("L1"), 8);
    expect(l1).not.toEqual(take(parent.fork("L2"), 8));
    expect(l1).not.toEqual(take(new SeededRandom(42), 8));
  });

  it("gives the same label under different seeds different streams", () => {
    expect(take(new SeededRandom(1).fork("llm"), 8)).not.toEqual(take(new SeededRandom(2).fork("llm"), 8));
  });

  it("property: forks are reproducible, nested forks included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.string(), fc.string(), (seed, a, b) => {
        const one = new SeededRandom(seed).fork(a).fork(b);
        const two = new SeededRandom(seed).fork(a).fork(b);
        expect(take(one, 5)).toEqual(take(two, 5));
      }),
      { numRuns: 200 },
    );
  });
});
