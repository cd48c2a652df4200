/**
 * The published report's value of a metric, for the "published vs this run" columns. Same ids and
 * units as metrics.ts; costs are the report's own section 5.1 totals.
 */
import {
  PUBLISHED_CACHE_OVERALL,
  PUBLISHED_ENDPOINTS,
  PUBLISHED_LOAD,
  PUBLISHED_OPERATION_COSTS,
  PUBLISHED_ORCHESTRATION,
  PUBLISHED_TIERS,
} from "../calibration.ts";
import type { MetricId, Percentile } from "./metrics.ts";
import type { EndpointKey, OperationId, TierName } from "./types.ts";

const LOAD: Readonly<Record<string, number>> = {
  throughput: PUBLISHED_LOAD.throughputRps,
  errorRate: PUBLISHED_LOAD.errorRate * 100,
  p95: PUBLISHED_LOAD.p95Ms,
  memoryPeak: PUBLISHED_LOAD.memoryPeakMb,
  cpu: PUBLISHED_LOAD.cpuPercent,
};

/** What the published report gives for `metric`, in the metric's unit. */
export function publishedMetric(metric: MetricId): number {
  const [kind, key, field] = metric.split(".") as [string, string, string | undefined];
  switch (kind) {
    case "endpoint":
      return PUBLISHED_ENDPOINTS[key as EndpointKey][field as Percentile];
    case "tier":
      return PUBLISHED_TIERS[key as TierName].p99;
    case "cache":
      return PUBLISHED_CACHE_OVERALL.hitRate * 100;
    case "orchestration":
      return PUBLISHED_ORCHESTRATION.total.p99;
    case "load":
      return LOAD[key]!;
    case "bots":
      return PUBLISHED_LOAD.botP95Ms;
    default: {
      const cost = PUBLISHED_OPERATION_COSTS[key as OperationId];
      return (cost.llmMicros + cost.infraMicros) / 1_000_000;
    }
  }
}
