import { summarize } from "../../src/domain/percentiles.ts";
import type { LatencyFigures, Provenance } from "../report/types.ts";

/** Summarises latency samples (ms) with their provenance; an empty set gives zeros, never NaN. */
export function figures(samples: readonly number[], provenance: Provenance): LatencyFigures {
  if (samples.length === 0) return { count: 0, min: 0, max: 0, mean: 0, p50: 0, p95: 0, p99: 0, provenance };
  return { ...summarize(samples), provenance };
}
