/**
 * What the benchmark runners produce (`BenchResults`); report-model.ts holds what the report derives.
 * Every latency is in milliseconds and carries its provenance: "modeled" when its samples were drawn
 * from the calibrated distributions on virtual time, "measured" when a real clock timed real work.
 * Run metadata (timestamps, host) lives apart in `RunMeta`, so the report itself is deterministic.
 */
import type { OperationUsage } from "../../src/domain/cost/cost-calculator.ts";
import type { LatencySummary } from "../../src/domain/percentiles.ts";

/** Where a figure came from. */
export type Provenance = "modeled" | "measured";

/** simulated: the application on simulated adapters and virtual time; real: real adapters, real clock. */
export type BenchMode = "simulated" | "real";

/** A latency summary (ms) and its provenance. */
export interface LatencyFigures extends LatencySummary {
  readonly provenance: Provenance;
}

/** The endpoints the report benchmarks, in report order, with their routes. */
export const ENDPOINTS = {
  health: "GET /health",
  qualify: "POST /api/leads/qualify",
  sync: "POST /api/contacts/sync",
} as const;

/** Short key of a benchmarked endpoint. */
export type EndpointKey = keyof typeof ENDPOINTS;

/** One way through an endpoint (e.g. qualification's "cache hit" and "LLM" paths). */
export interface PathResult {
  readonly name: string;
  readonly count: number;
  readonly latency: LatencyFigures;
}

/** One endpoint's latency over the run; `paths` splits a multi-modal endpoint when the runner knows. */
export interface EndpointResult {
  readonly endpoint: EndpointKey;
  readonly latency: LatencyFigures;
  readonly paths?: readonly PathResult[];
}

/** The cache tiers, read in this order. */
export const TIER_NAMES = ["L1", "L2", "L3"] as const;

/** A cache tier's name. */
export type TierName = (typeof TIER_NAMES)[number];

/** One tier over the cache benchmark. */
export interface TierResult {
  readonly tier: TierName;
  /** Reads that reached this tier (requests that missed every tier above). */
  readonly lookups: number;
  readonly hits: number;
  /** hits / all operations (the report's "hit rate": this tier's share of traffic), 0..1. */
  readonly hitRate: number;
  /** Latency of this tier's hits. */
  readonly latency: LatencyFigures;
}

/** The cache benchmark: `operations` cascades through L1 → L2 → L3 → origin. */
export interface CacheResult {
  readonly operations: number;
  readonly tiers: readonly TierResult[];
  /** Requests answered by some tier, their share of operations (0..1) and their latency. */
  readonly overall: { readonly hits: number; readonly hitRate: number; readonly latency: LatencyFigures };
  /** Requests no tier answered. */
  readonly misses: number;
  /** What a miss costs at the origin (the LLM path): used for the "without cache" comparison. */
  readonly originLatency: LatencyFigures;
  /** How the workload was made (real mode: key count, skew, tier sizes), printed with the tier table. */
  readonly workload?: string;
}

/** The orchestrator's phases, timed on the real CPU. */
export type OrchestrationPhase = "route" | "cache_key" | "parse";

/** The orchestration benchmark: each phase and the whole pipeline. */
export interface OrchestrationResult {
  readonly iterations: number;
  readonly phases: readonly { readonly phase: OrchestrationPhase; readonly latency: LatencyFigures }[];
  readonly total: LatencyFigures;
}

/** The operations the report prices (section 5.1), in report order. */
export const OPERATION_IDS = [
  "lead_qualification",
  "bot_response_cached",
  "bot_response_uncached",
  "rag_query",
  "crm_sync",
  "health_check",
] as const;

/** An operation the report prices. */
export type OperationId = (typeof OPERATION_IDS)[number];

/** What one operation consumes on average: whole tokens and infra units (the calculator prices integers). */
export interface OperationUsageResult {
  readonly operation: OperationId;
  /** How many operations the average was taken over. */
  readonly samples: number;
  readonly usage: OperationUsage;
  /** modeled: token counts from the simulated / offline model; measured: Claude's reported usage. */
  readonly provenance: Provenance;
}

/** One step of the concurrent-user ramp (section 7.1). */
export interface LoadStep {
  readonly users: number;
  readonly requests: number;
  readonly throughputRps: number;
  /** Failed requests / requests, 0..1. */
  readonly errorRate: number;
  readonly latency?: LatencyFigures;
}

/** One bot-concurrency scenario (section 7.2). */
export interface BotScenario {
  readonly scenario: string;
  readonly concurrent: number;
  readonly throughputRps: number;
  readonly errorRate: number;
  readonly latency: LatencyFigures;
}

/** The load test (section 7), when one was run. */
export interface LoadResult {
  readonly provenance: Provenance;
  readonly steps: readonly LoadStep[];
  readonly bots: readonly BotScenario[];
  readonly memory: { readonly baselineMb: number; readonly peakMb: number; readonly growthMb: number };
  /** Average CPU use under load, percent of one machine. */
  readonly cpuPercent?: number;
}

/** The deterministic inputs of a run (the same config and code give the same report). */
export interface BenchConfig {
  readonly mode: BenchMode;
  readonly seed: number;
  readonly iterations: number;
  readonly cacheIterations: number;
  readonly quick: boolean;
}

/** Everything the runners measured or modeled. */
export interface BenchResults {
  readonly config: BenchConfig;
  readonly endpoints: readonly EndpointResult[];
  /** The middleware stack alone (auth + rate limit + logging), when measured separately. */
  readonly middleware?: LatencyFigures;
  readonly cache: CacheResult;
  readonly orchestration: OrchestrationResult;
  readonly costs: readonly OperationUsageResult[];
  readonly load?: LoadResult;
}

/** Facts about the run that change every time: kept out of report.json / report.md (see meta.json). */
export interface RunMeta {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly wallTimeMs: number;
  readonly nodeVersion: string;
  readonly platform: string;
  readonly arch: string;
  readonly hostname: string;
  readonly cpuModel: string;
  readonly cpus: number;
  readonly gitCommit?: string;
}
