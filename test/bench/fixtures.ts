/**
 * Results shaped like the published report (sections 2–5 and 7), so the report's renderers can be
 * exercised before the runners exist. Latencies are the published percentiles with plausible
 * count / min / max / mean; token usage is a realistic split of the report's token counts.
 */

import type { BenchResults, LatencyFigures, LoadResult, Provenance } from "../../bench/report/types.ts";
import { MODEL_IDS } from "../../src/domain/models.ts";

/** A latency summary from its percentiles (and a plausible count / min / max / mean). */
export function latency(
  p50: number,
  p95: number,
  p99: number,
  provenance: Provenance = "modeled",
  count = 1_000,
): LatencyFigures {
  return { count, min: p50 / 2, max: p99 * 1.1, mean: p50 + (p95 - p50) / 4, p50, p95, p99, provenance };
}

const infra = (redisOps: number, postgresQueries: number, requests = 1) => ({
  redisOps,
  postgresQueries,
  requests,
});
const tokens = (inputTokens: number, outputTokens: number, cacheReadTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheWriteTokens: 0,
  cacheReadTokens,
});

/** A simulated run with the report's figures and no load test. */
export function publishedLikeResults(): BenchResults {
  return {
    config: { mode: "simulated", seed: 42, iterations: 1_000, cacheIterations: 10_000, quick: false },
    endpoints: [
      { endpoint: "health", latency: latency(1.32, 1.97, 2.44) },
      {
        endpoint: "qualify",
        latency: latency(671.87, 1_224.79, 1_387.81),
        paths: [
          { name: "cache hit", count: 301, latency: latency(30.2, 48.9, 58.1, "modeled", 301) },
          { name: "LLM", count: 699, latency: latency(801.4, 1_204.6, 1_391.2, "modeled", 699) },
        ],
      },
      { endpoint: "sync", latency: latency(183.88, 339.87, 365.9) },
    ],
    cache: {
      operations: 10_000,
      tiers: [
        {
          tier: "L1",
          lookups: 10_000,
          hits: 5_908,
          hitRate: 0.5908,
          latency: latency(0.3, 0.49, 0.6, "modeled", 5_908),
        },
        {
          tier: "L2",
          lookups: 4_092,
          hits: 2_050,
          hitRate: 0.205,
          latency: latency(2.5, 3.47, 3.93, "modeled", 2_050),
        },
        {
          tier: "L3",
          lookups: 2_042,
          hits: 849,
          hitRate: 0.0849,
          latency: latency(11.06, 14.11, 16.06, "modeled", 849),
        },
      ],
      overall: { hits: 8_807, hitRate: 0.8807, latency: latency(0.41, 14.36, 16.5, "modeled", 8_807) },
      misses: 1_193,
      originLatency: latency(800, 1_200.5, 1_410.2, "modeled", 1_193),
    },
    orchestration: {
      iterations: 1_000,
      phases: [
        { phase: "route", latency: latency(0.0029, 0.0031, 0.0038, "measured") },
        { phase: "cache_key", latency: latency(0.0022, 0.0023, 0.005, "measured") },
        { phase: "parse", latency: latency(0.0017, 0.0031, 0.0038, "measured") },
      ],
      total: latency(0.007, 0.0086, 0.0122, "measured"),
    },
    costs: [
      {
        operation: "lead_qualification",
        samples: 700,
        usage: { llm: { model: MODEL_IDS.sonnet, usage: tokens(900, 300) }, infra: infra(3, 2) },
        provenance: "modeled",
      },
      {
        operation: "bot_response_cached",
        samples: 300,
        usage: { llm: { model: MODEL_IDS.haiku, usage: tokens(40, 60, 100) }, infra: infra(2, 0) },
        provenance: "modeled",
      },
      {
        operation: "bot_response_uncached",
        samples: 700,
        usage: { llm: { model: MODEL_IDS.sonnet, usage: tokens(500, 300) }, infra: infra(2, 1) },
        provenance: "modeled",
      },
      {
        operation: "rag_query",
        samples: 100,
        usage: { llm: { model: MODEL_IDS.sonnet, usage: tokens(2_000, 500) }, infra: infra(2, 3) },
        provenance: "modeled",
      },
      { operation: "crm_sync", samples: 1_000, usage: { infra: infra(1, 2) }, provenance: "modeled" },
      { operation: "health_check", samples: 1_000, usage: { infra: infra(0, 0) }, provenance: "modeled" },
    ],
  };
}

/** The report's section 7 figures as a measured load test. */
export function publishedLikeLoad(): LoadResult {
  return {
    provenance: "measured",
    steps: [
      {
        users: 10,
        requests: 50,
        throughputRps: 2_138,
        errorRate: 0,
        latency: latency(0.21, 1.96, 3.29, "measured", 50),
      },
      {
        users: 100,
        requests: 500,
        throughputRps: 5_118,
        errorRate: 0,
        latency: latency(0.15, 14.67, 16.16, "measured", 500),
      },
      { users: 200, requests: 1_000, throughputRps: 3_783, errorRate: 0 },
    ],
    bots: [
      {
        scenario: "Buyer Bot Only",
        concurrent: 50,
        throughputRps: 205,
        errorRate: 0,
        latency: latency(127, 179, 233, "measured", 50),
      },
      {
        scenario: "Seller Bot Only",
        concurrent: 50,
        throughputRps: 307,
        errorRate: 0,
        latency: latency(117, 139, 144, "measured", 50),
      },
    ],
    memory: { baselineMb: 292, peakMb: 294, growthMb: 1.9 },
    cpuPercent: 75,
  };
}

/** A real-mode run: the published-like figures, all measured, with a load test. */
export function realRunResults(): BenchResults {
  const measured = JSON.parse(
    JSON.stringify(publishedLikeResults()).replaceAll('"provenance":"modeled"', '"provenance":"measured"'),
  ) as BenchResults;
  return {
    ...measured,
    config: { mode: "real", seed: 42, iterations: 1_000, cacheIterations: 10_000, quick: false },
    load: publishedLikeLoad(),
  };
}
