import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PercentileError, percentile, percentileOfSorted, summarize } from "../../src/domain/percentiles.ts";

const runs = { numRuns: 200 };
const sample = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const samples = fc.array(sample, { minLength: 1, maxLength: 60 });
const pct = fc.double({ min: 0, max: 100, noNaN: true });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof PercentileError ? e.code : "not a PercentileError";
  }
  return undefined;
}

describe("percentile (numpy 'linear' method)", () => {
  // Expected values are numpy.percentile(a, p) with the default method, written out by hand:
  // rank = p/100 * (n-1), then interpolate between the two neighbouring sorted samples.
  it.each([
    [[1, 2, 3, 4], 50, 2.5], // rank 1.5 → 2 + 0.5 × 1
    [[1, 2, 3, 4], 95, 3.8499999999999996], // rank 2.85 → 3 + 0.85 × 1 (numpy prints the same float)
    [[1, 2, 3, 4], 99, 3.9699999999999998], // rank 2.97
    [[10, 20, 30, 40, 50], 25, 20], // rank 1 exactly
    [[15, 20, 35, 40, 50], 40, 29], // rank 1.6 → 20 + 0.6 × 15
    [[3, 1, 2], 90, 2.8], // unsorted input; rank 1.8 → 2 + 0.8 × 1
    [[0.1, 0.2, 0.3], 33.3, 0.1666], // rank 0.666 → 0.1 + 0.666 × 0.1
    [[7], 42, 7], // one sample is every percentile
    [[5, 1, 9], 0, 1],
    [[5, 1, 9], 100, 9],
  ])("percentile(%j, %d) = %d", (xs, p, expected) => {
    expect(percentile(xs, p)).toBe(expected);
  });

  it("rejects empty samples with code empty_samples, never NaN", () => {
    expect(codeOf(() => percentile([], 50))).toBe("empty_samples");
    expect(codeOf(() => percentileOfSorted([], 50))).toBe("empty_samples");
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "rejects a %d sample with code non_finite_sample",
    (bad) => {
      expect(codeOf(() => percentile([1, bad, 3], 50))).toBe("non_finite_sample");
    },
  );

  it.each([-0.001, 100.001, Number.NaN])("rejects p = %d with code p_out_of_range", (p) => {
    expect(codeOf(() => percentile([1, 2, 3], p))).toBe("p_out_of_range");
  });

  it("leaves the caller's array untouched", () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("is monotone non-decreasing in p", () => {
    fc.assert(
      fc.property(samples, pct, pct, (xs, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        expect(percentile(xs, lo)).toBeLessThanOrEqual(percentile(xs, hi));
      }),
      runs,
    );
  });

  it("always lies between the smallest and the largest sample", () => {
    fc.assert(
      fc.property(samples, pct, (xs, p) => {
        const v = percentile(xs, p);
        expect(v).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(v).toBeLessThanOrEqual(Math.max(...xs));
      }),
      runs,
    );
  });

  it("does not depend on the order of the samples", () => {
    fc.assert(
      fc.property(
        samples.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        pct,
        ([xs, shuffled], p) => {
          expect(percentile(shuffled, p)).toBe(percentile(xs, p));
        },
      ),
      runs,
    );
  });

  it("is exactly the k-th smallest sample at integer rank k", () => {
    fc.assert(
      fc.property(
        samples.chain((xs) => fc.tuple(fc.constant(xs), fc.nat({ max: xs.length - 1 }))),
        ([xs, k]) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const p = xs.length === 1 ? 50 : (k / (xs.length - 1)) * 100;
          // p/100*(n-1) may round a hair off k; when it lands exactly on k the value must be exact.
          fc.pre((p / 100) * (xs.length - 1) === (xs.length === 1 ? 0 : k));
          expect(percentile(xs, p)).toBe(sorted[xs.length === 1 ? 0 : k]);
        },
      ),
      runs,
    );
  });

  it("gives the constant for constant input, at every p", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 50 }), pct, (c, n, p) => {
        // Numeric equality: -0 and 0 are the same latency.
        expect(percentile(Array(n).fill(c), p) === c).toBe(true);
      }),
      runs,
    );
  });
});

describe("summarize", () => {
  it("reports count, min, max, mean, p50, p95 and p99 (numpy values)", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      count: 4,
      min: 1,
      max: 4,
      mean: 2.5,
      p50: 2.5,
      p95: 3.8499999999999996,
      p99: 3.9699999999999998,
    });
  });

  it("rejects empty samples with code empty_samples", () => {
    expect(codeOf(() => summarize([]))).toBe("empty_samples");
  });

  it("agrees with percentile() and keeps the mean within [min, max]", () => {
    fc.assert(
      fc.property(samples, (xs) => {
        const s = summarize(xs);
        expect(s.count).toBe(xs.length);
        expect([s.p50, s.p95, s.p99]).toEqual([percentile(xs, 50), percentile(xs, 95), percentile(xs, 99)]);
        expect(s.min).toBeLessThanOrEqual(s.mean);
        expect(s.mean).toBeLessThanOrEqual(s.max);
        expect(s.p50).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.p99);
      }),
      runs,
    );
  });

  it("summarises 100,000 samples in one pass over a sorted copy", () => {
    const xs = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_000);
    const s = summarize(xs);
    // The samples are a permutation of 0..99,999, so each percentile is p/100 × 99,999.
    expect(s).toMatchObject({ count: 100_000, min: 0, max: 99_999, mean: 49_999.5 });
    expect(s.p50).toBeCloseTo(49_999.5, 9);
    expect(s.p95).toBeCloseTo(94_999.05, 6);
    expect(s.p99).toBeCloseTo(98_999.01, 6);
  });
});
