import { describe, expect, it } from "vitest";
import {
  ENDPOINT_LATENCY,
  PUBLISHED_CACHE_OVERALL,
  PUBLISHED_ENDPOINTS,
  PUBLISHED_TIERS,
  TIER_HIT_RATIOS,
  TIER_HIT_SHARES,
  TIER_LATENCY,
  Z_95,
} from "../../bench/calibration.ts";
import { Z_99 } from "../../src/adapters/simulated/log-normal.ts";

const quantile = (m: { medianMs: number; sigma: number }, z: number) => m.medianMs * Math.exp(m.sigma * z);
const mismatch = (predicted: number, published: number) =>
  Math.round((predicted / published - 1) * 1000) / 10;

describe("calibration: log-normals through the published P50 and P99", () => {
  const fitted = [
    ["health", ENDPOINT_LATENCY.health, PUBLISHED_ENDPOINTS.health],
    ["sync", ENDPOINT_LATENCY.sync, PUBLISHED_ENDPOINTS.sync],
    ["L1", TIER_LATENCY.L1, PUBLISHED_TIERS.L1],
    ["L2", TIER_LATENCY.L2, PUBLISHED_TIERS.L2],
    ["L3", TIER_LATENCY.L3, PUBLISHED_TIERS.L3],
  ] as const;

  it.each(fitted)(
    "%s: median is the published P50 and the model's P99 is the published P99",
    (_, model, pub) => {
      expect(model.medianMs).toBe(pub.p50);
      expect(quantile(model, Z_99)).toBeCloseTo(pub.p99, 9);
    },
  );

  it("documents sigma to four decimals as ln(P99/P50) / 2.3263", () => {
    expect(fitted.map(([name, m]) => [name, Number(m.sigma.toFixed(4))])).toEqual([
      ["health", 0.2641],
      ["sync", 0.2958],
      ["L1", 0.298],
      ["L2", 0.1944],
      ["L3", 0.1603],
    ]);
  });

  it("predicts P95s that miss the published ones by the percentages written in the derivations", () => {
    const found = fitted.map(([name, m, pub]) => [name, mismatch(quantile(m, Z_95), pub.p95)]);
    expect(found).toEqual([
      ["health", 3.5],
      ["sync", -12],
      ["L1", -0.1],
      ["L2", -0.8],
      ["L3", 2],
    ]);
    for (const [, m] of fitted) expect(m.derivation).toMatch(/P95 [+−]\d+\.\d %/);
  });

  it("qualification's LLM path reproduces the published P99 as the mixture's 99th percentile", () => {
    const { llm, cacheHitShare } = ENDPOINT_LATENCY.qualify;
    expect(cacheHitShare).toBe(0.3);
    expect(llm.medianMs).toBe(800);
    // The mixture's P99 is the LLM path's (0.99 − 0.3) / 0.7 quantile, z = 2.18935.
    expect(quantile(llm, 2.1893497536065682)).toBeCloseTo(PUBLISHED_ENDPOINTS.qualify.p99, 6);
    expect(llm.sigma).toBeCloseTo(0.2516, 4);
  });
});

describe("calibration: hit ratios", () => {
  it("shares of all requests are 60 / 20 / 8 / 12 % and sum to 1", () => {
    expect(TIER_HIT_SHARES).toEqual({ L1: 0.6, L2: 0.2, L3: 0.08, miss: 0.12 });
    expect(TIER_HIT_SHARES.L1 + TIER_HIT_SHARES.L2 + TIER_HIT_SHARES.L3 + TIER_HIT_SHARES.miss).toBeCloseTo(
      1,
      12,
    );
  });

  it("conditional ratios cascaded over all requests give back the shares", () => {
    let reaching = 1;
    const shares: number[] = [];
    for (const tier of ["L1", "L2", "L3"] as const) {
      shares.push(reaching * TIER_HIT_RATIOS[tier]);
      reaching *= 1 - TIER_HIT_RATIOS[tier];
    }
    expect(shares.map((s) => Number(s.toFixed(12)))).toEqual([0.6, 0.2, 0.08]);
    expect(reaching).toBeCloseTo(TIER_HIT_SHARES.miss, 12);
  });

  it("published tier hits add up to the published overall", () => {
    const hits = PUBLISHED_TIERS.L1.hits + PUBLISHED_TIERS.L2.hits + PUBLISHED_TIERS.L3.hits;
    expect(hits).toBe(PUBLISHED_CACHE_OVERALL.hits);
    expect(hits + PUBLISHED_CACHE_OVERALL.misses).toBe(10_000);
  });
});
