/**
 * Calibration: the performance report's published figures and the models the simulation draws from to
 * reproduce them. Every modeled number of the suite is here, next to how it was derived.
 *
 * Rule. A log-normal with median m and spread sigma has the q-quantile m · exp(sigma · z_q), z_q the
 * standard normal quantile. Where the report gives P50 and P99: sigma = ln(P99 / P50) / z_99
 * (z_99 = 2.3263). That fixes the P95 too, P50 · exp(z_95 · sigma) (z_95 = 1.6449): each model notes
 * how far that predicted P95 is from the published one ("P95 +3.5 %" = predicted 3.5 % above published).
 */
import { Z_99 } from "../src/adapters/simulated/log-normal.ts";
import type { EndpointKey, OperationId, OrchestrationPhase, TierName } from "./report/types.ts";

/** The standard normal's 95th percentile, Φ⁻¹(0.95). */
export const Z_95 = 1.6448536269514722;

/** A log-normal latency model (ms) and where its parameters come from. */
export interface CalibratedLatency {
  readonly medianMs: number;
  readonly sigma: number;
  readonly derivation: string;
}

/** Percentiles as the report publishes them, ms. */
export interface PublishedPercentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** sigma = ln(P99 / P50) / z_99: the log-normal through the published median and P99. */
const throughP99 = (p50: number, p99: number, derivation: string): CalibratedLatency => ({
  medianMs: p50,
  sigma: Math.log(p99 / p50) / Z_99,
  derivation,
});

/** Report 2.1 (1,000 iterations per endpoint, seed 42). */
export const PUBLISHED_ENDPOINTS: Readonly<Record<EndpointKey, PublishedPercentiles>> = {
  health: { p50: 1.32, p95: 1.97, p99: 2.44 },
  qualify: { p50: 671.87, p95: 1_224.79, p99: 1_387.81 },
  sync: { p50: 183.88, p95: 339.87, p99: 365.9 },
};

/** Report 3.2 (10,000 operations): hit rate is the tier's share of all requests. */
export const PUBLISHED_TIERS: Readonly<
  Record<TierName, PublishedPercentiles & { readonly hitRate: number; readonly hits: number }>
> = {
  L1: { hitRate: 0.591, hits: 5_908, p50: 0.3, p95: 0.49, p99: 0.6 },
  L2: { hitRate: 0.205, hits: 2_050, p50: 2.5, p95: 3.47, p99: 3.93 },
  L3: { hitRate: 0.085, hits: 849, p50: 11.06, p95: 14.11, p99: 16.06 },
};

/** Report 3.2, the "Overall" and "Miss" rows. */
export const PUBLISHED_CACHE_OVERALL = {
  hitRate: 0.881,
  hits: 8_807,
  misses: 1_193,
  p50: 0.41,
  p95: 14.36,
  p99: 16.5,
} as const;

/** Report 4.1: real CPU timings of the reference implementation (measured there, not modeled). */
export const PUBLISHED_ORCHESTRATION: Readonly<Record<OrchestrationPhase | "total", PublishedPercentiles>> = {
  route: { p50: 0.0029, p95: 0.0031, p99: 0.0038 },
  cache_key: { p50: 0.0022, p95: 0.0023, p99: 0.005 },
  parse: { p50: 0.0017, p95: 0.0031, p99: 0.0038 },
  total: { p50: 0.007, p95: 0.0086, p99: 0.0122 },
};

/** Report 5.1, µ$ (its LLM column implies ~$20 / M tokens, which its own 5.2 prices cannot give). */
export const PUBLISHED_OPERATION_COSTS: Readonly<
  Record<OperationId, { readonly tokens: number; readonly llmMicros: number; readonly infraMicros: number }>
> = {
  lead_qualification: { tokens: 1_200, llmMicros: 24_000, infraMicros: 8_000 },
  bot_response_cached: { tokens: 200, llmMicros: 4_000, infraMicros: 4_000 },
  bot_response_uncached: { tokens: 800, llmMicros: 16_000, infraMicros: 6_000 },
  rag_query: { tokens: 2_500, llmMicros: 35_000, infraMicros: 10_000 },
  crm_sync: { tokens: 0, llmMicros: 0, infraMicros: 3_000 },
  health_check: { tokens: 0, llmMicros: 0, infraMicros: 1_000 },
};

/** Report 7.1 / 7.2 / 7.3 at 100 users ("production load test data" there; not reproduced by a model). */
export const PUBLISHED_LOAD = {
  throughputRps: 5_118,
  p95Ms: 14.67,
  errorRate: 0,
  memoryPeakMb: 294,
  cpuPercent: 75,
  botP95Ms: 179,
} as const;

/** End-to-end endpoint latencies (middleware included), as the runners draw them. */
export const ENDPOINT_LATENCY = {
  /** sigma = ln(2.44 / 1.32) / 2.3263 ≈ 0.2641; predicted P95 2.04 ms vs 1.97 (P95 +3.5 %). */
  health: throughP99(1.32, 2.44, "P50 1.32, P99 2.44 (report 2.1); sigma = ln(P99/P50)/z99; P95 +3.5 %"),
  /**
   * sigma = ln(365.90 / 183.88) / 2.3263 ≈ 0.2958; predicted P95 299.1 ms vs 339.87 (P95 −12.0 %).
   * No log-normal fits all three: the P95 alone would need sigma 0.3735, which puts P99 at 438 ms.
   * The published tail is compressed (P99 / P95 = 1.08), so we keep the median and P99 (the check).
   */
  sync: throughP99(
    183.88,
    365.9,
    "P50 183.88, P99 365.90 (report 2.1); sigma = ln(P99/P50)/z99; P95 −12.0 %",
  ),
  /** Report 2.3: bimodal, 30 % answered from cache, 70 % through the LLM. */
  qualify: {
    cacheHitShare: 0.3,
    /**
     * ~30 ms (report 2.3). Its sigma is not identifiable: every published percentile lies on the LLM
     * path (P50 is that path's 28.6th percentile), so we borrow the middleware's 0.3.
     */
    cacheHit: {
      medianMs: 30,
      sigma: 0.3,
      derivation: "median ~30 ms (report 2.3); sigma assumed 0.3 (no published percentile constrains it)",
    } satisfies CalibratedLatency,
    /**
     * Median ~800 ms (report 2.3). With 30 % of requests far below, the overall P99 is the LLM path's
     * (0.99 − 0.3) / 0.7 = 98.57th percentile, z = 2.1893: sigma = ln(1387.81 / 800) / 2.1893 ≈ 0.2516
     * (SimulatedLanguageModel's default rounds it to 0.25). Predicted overall P50 694.4 vs 671.87
     * (+3.4 %), P95 1,154 vs 1,224.79 (−5.8 %): the P50 alone would imply sigma 0.308, the P95 0.291.
     */
    llm: {
      medianMs: 800,
      sigma: Math.log(1_387.81 / 800) / 2.1893497536065682,
      derivation: "median ~800 ms (report 2.3); sigma = ln(P99/800)/z(98.57 %); P50 +3.4 %, P95 −5.8 %",
    } satisfies CalibratedLatency,
  },
} as const;

/** Report 2.4: auth + rate limit + logging, "~1.0 ms median with σ = 0.3": both given, nothing derived. */
export const MIDDLEWARE_LATENCY: CalibratedLatency = {
  medianMs: 1,
  sigma: 0.3,
  derivation: "median 1.0 ms, sigma 0.3, both stated in report 2.4",
};

/** Latency of a read at each tier. */
export const TIER_LATENCY: Readonly<Record<TierName, CalibratedLatency>> = {
  /** sigma = ln(0.60 / 0.30) / 2.3263 ≈ 0.2980; predicted P95 0.490 vs 0.49 (P95 −0.1 %). */
  L1: throughP99(0.3, 0.6, "P50 0.30, P99 0.60 (report 3.2); sigma = ln(P99/P50)/z99; P95 −0.1 %"),
  /** sigma = ln(3.93 / 2.50) / 2.3263 ≈ 0.1944; predicted P95 3.44 vs 3.47 (P95 −0.8 %). */
  L2: throughP99(2.5, 3.93, "P50 2.50, P99 3.93 (report 3.2); sigma = ln(P99/P50)/z99; P95 −0.8 %"),
  /** sigma = ln(16.06 / 11.06) / 2.3263 ≈ 0.1603; predicted P95 14.40 vs 14.11 (P95 +2.0 %). */
  L3: throughP99(11.06, 16.06, "P50 11.06, P99 16.06 (report 3.2); sigma = ln(P99/P50)/z99; P95 +2.0 %"),
};

/** Report 9.2: where requests end, as shares of ALL requests (sum 1). */
export const TIER_HIT_SHARES: Readonly<Record<TierName | "miss", number>> = {
  L1: 0.6,
  L2: 0.2,
  L3: 0.08,
  miss: 0.12,
};

/**
 * The same split as each tier's hit ratio among the requests that reach it (what a simulated tier
 * draws): L1 0.60; L2 0.20 / (1 − 0.60) = 0.5; L3 0.08 / (1 − 0.60 − 0.20) = 0.4.
 */
export const TIER_HIT_RATIOS: Readonly<Record<TierName, number>> = {
  L1: 0.6,
  L2: 0.5,
  L3: 0.4,
};
