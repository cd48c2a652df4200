import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  latencyFromP99,
  logNormal,
  sigmaFromP99,
  standardNormal,
  Z_99,
} from "../../../src/adapters/simulated/log-normal.ts";
import { SeededRandom } from "../../../src/adapters/simulated/seeded-random.ts";

/** Linear interpolation between closest ranks (numpy's default), on sorted samples. */
function percentile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? Number.NaN;
  return a + (h - lo) * (b - a);
}

function samples(seed: number, n: number, medianMs: number, p99Ms: number): number[] {
  const random = new SeededRandom(seed);
  const latency = latencyFromP99(medianMs, p99Ms);
  return Array.from({ length: n }, () => logNormal(random, latency)).sort((x, y) => x - y);
}

describe("logNormal", () => {
  it.each([
    ["L1", 0.3, 0.6],
    ["L2", 2.5, 3.93],
    ["L3", 11.06, 16.06],
    ["LLM", 800, 1_400],
  ])("lands the %s calibration's median and P99 within 3 %% over 20,000 samples", (_, median, p99) => {
    const sorted = samples(42, 20_000, median, p99);
    expect(Math.abs(percentile(sorted, 0.5) / median - 1)).toBeLessThan(0.03);
    expect(Math.abs(percentile(sorted, 0.99) / p99 - 1)).toBeLessThan(0.03);
  });

  it("gives two runs with seed 42 identical sample arrays", () => {
    expect(samples(42, 1_000, 2.5, 3.93)).toEqual(samples(42, 1_000, 2.5, 3.93));
  });

  it("returns exactly the median when sigma is 0", () => {
    const random = new SeededRandom(3);
    expect(Array.from({ length: 10 }, () => logNormal(random, { medianMs: 1.25, sigma: 0 }))).toEqual(
      new Array(10).fill(1.25),
    );
  });

  it("consumes exactly two uniforms per sample", () => {
    const a = new SeededRandom(9);
    const b = new SeededRandom(9);
    logNormal(a, { medianMs: 1, sigma: 0.5 });
    b.next();
    b.next();
    expect(a.next()).toBe(b.next());
  });

  it("property: every sample is positive and finite, for any seed and calibration", () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.double({ min: 0.001, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (seed, medianMs, sigma) => {
          const random = new SeededRandom(seed);
          for (let i = 0; i < 20; i++) {
            const x = logNormal(random, { medianMs, sigma });
            if (!(x > 0 && Number.isFinite(x))) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("standardNormal", () => {
  it("has mean ≈ 0 and variance ≈ 1 over 20,000 samples", () => {
    const random = new SeededRandom(42);
    const zs = Array.from({ length: 20_000 }, () => standardNormal(random));
    const mean = zs.reduce((s, z) => s + z, 0) / zs.length;
    const variance = zs.reduce((s, z) => s + (z - mean) ** 2, 0) / (zs.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
});

describe("sigmaFromP99", () => {
  it("derives the report's L1 sigma: ln(0.60 / 0.30) / 2.3263", () => {
    expect(sigmaFromP99(0.3, 0.6)).toBeCloseTo(Math.LN2 / Z_99, 12);
    expect(sigmaFromP99(0.3, 0.6)).toBeCloseTo(0.298, 3);
  });

  it("is 0 when the P99 equals the median", () => {
    expect(sigmaFromP99(5, 5)).toBe(0);
  });

  it("rejects a P99 below the median or a non-positive median", () => {
    expect(() => sigmaFromP99(2, 1)).toThrow(RangeError);
    expect(() => sigmaFromP99(0, 1)).toThrow(RangeError);
  });

  it("property: median · exp(sigma · Z_99) gives back the P99", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1_000, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (median, factor) => {
          const p99 = median * factor;
          expect(median * Math.exp(sigmaFromP99(median, p99) * Z_99)).toBeCloseTo(p99, 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
