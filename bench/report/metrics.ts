/**
 * Named figures of a run, so checks, alerts and the scorecard (bench/thresholds.ts) can point at the
 * number they judge. Each reads in its display unit: ms, percent, requests/s, MB or US dollars.
 */
import { operationCost } from "../../src/domain/cost/cost-calculator.ts";
import { PRICE_PROFILES } from "../../src/domain/cost/price-table.ts";
import { LOAD_USERS, PRIMARY_PRICE_PROFILE } from "../thresholds.ts";
import type { BenchResults, EndpointKey, OperationId, Provenance, TierName } from "./types.ts";

/** The percentiles a metric can name. */
export type Percentile = "p50" | "p95" | "p99";

/** A figure the thresholds can refer to. */
export type MetricId =
  | `endpoint.${EndpointKey}.${Percentile}`
  | `tier.${TierName}.p99`
  | "cache.hitRate"
  | "orchestration.p99"
  | "load.throughput"
  | "load.errorRate"
  | "load.p95"
  | "load.memoryPeak"
  | "load.cpu"
  | "bots.p95"
  | `cost.${OperationId}`;

/** A metric's value and where it came from. */
export interface MetricReading {
  readonly value: number;
  readonly provenance: Provenance;
}

/** The value of `metric` in `results`, or undefined when the run did not produce it (e.g. no load test). */
export function readMetric(results: BenchResults, metric: MetricId): MetricReading | undefined {
  const [kind, key, field] = metric.split(".") as [string, string, string | undefined];
  switch (kind) {
    case "endpoint": {
      const latency = results.endpoints.find((e) => e.endpoint === key)?.latency;
      return latency && { value: latency[field as Percentile], provenance: latency.provenance };
    }
    case "tier": {
      const latency = results.cache.tiers.find((t) => t.tier === key)?.latency;
      return latency && { value: latency.p99, provenance: latency.provenance };
    }
    case "cache": {
      const overall = results.cache.overall;
      return { value: overall.hitRate * 100, provenance: overall.latency.provenance };
    }
    case "orchestration":
      return { value: results.orchestration.total.p99, provenance: results.orchestration.total.provenance };
    case "load":
      return readLoadMetric(results, key);
    case "bots":
      return readBotsP95(results);
    default:
      return readCostMetric(results, key as OperationId);
  }
}

function readLoadMetric(results: BenchResults, key: string): MetricReading | undefined {
  const load = results.load;
  if (!load) return undefined;
  const provenance = load.provenance;
  const step = load.steps.find((s) => s.users === LOAD_USERS);
  const value: Record<string, number | undefined> = {
    throughput: step?.throughputRps,
    errorRate: step && step.errorRate * 100,
    p95: step?.latency?.p95,
    memoryPeak: load.memory.peakMb,
    cpu: load.cpuPercent,
  };
  const found = value[key];
  return found === undefined ? undefined : { value: found, provenance };
}

/** The slowest bot scenario's P95: an alert should fire on the worst bot, not the average one. */
function readBotsP95(results: BenchResults): MetricReading | undefined {
  const bots = results.load?.bots ?? [];
  if (bots.length === 0) return undefined;
  const worst = bots.reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a));
  return { value: worst.latency.p95, provenance: worst.latency.provenance };
}

/** An operation's total cost under the primary price profile, in US dollars. */
function readCostMetric(results: BenchResults, operation: OperationId): MetricReading | undefined {
  const row = results.costs.find((c) => c.operation === operation);
  if (!row) return undefined;
  const cost = operationCost(PRICE_PROFILES[PRIMARY_PRICE_PROFILE], row.usage);
  return { value: cost.totalMicros / 1_000_000, provenance: row.provenance };
}
