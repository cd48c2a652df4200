/** Ramp rows, resource reports and comparisons for the report tests. */
import type { MachineInfo } from "../../../bench/load/machine-info.ts";
import type { PeerComparison } from "../../../bench/load/peer-ratio.ts";
import type { RampRow } from "../../../bench/load/ramp.ts";
import type { ResourceReport } from "../../../bench/load/resources.ts";
import { summarize } from "../../../src/domain/percentiles.ts";

/** A ramp row with the given figures. */
export function rampRow(users: number, throughputRps: number, p99: number | null, errorRate = 0): RampRow {
  return {
    users,
    requests: users * 50,
    throughputRps,
    latency:
      p99 === null
        ? null
        : { count: users * 50, min: p99 / 8, mean: p99 / 3, p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 2 },
    errorRate,
    errors: 0,
    non2xx: 0,
    statusCounts: { "200": users * 50 },
    durationMs: 1_000,
    stoppedBy: "amount",
  };
}

export const MACHINE: MachineInfo = {
  cores: 2,
  cpuModel: "Test CPU",
  memoryBytes: 8 * 2 ** 30,
  node: "v20.0.0",
  os: "linux 6",
};

const MB = 1024 * 1024;
export const RESOURCES: ResourceReport = {
  label: "EnterpriseHub (pid 42)",
  baselineRssBytes: 292 * MB,
  peakRssBytes: 294 * MB,
  afterRssBytes: 293.9 * MB,
  rssGrowthBytes: 1.9 * MB,
  baselineHeapBytes: null,
  peakHeapBytes: null,
  afterHeapBytes: null,
  cpuAvgPercent: 75,
  cpuPeakPercent: 98.5,
  cores: 2,
  samples: 40,
};

export const L1_COMPARISON: PeerComparison = {
  operation: "L1 get (hit)",
  oursLabel: "LruCacheTier",
  peerLabel: "lru-cache direct",
  unit: "µs",
  ours: summarize([0.3, 0.3, 0.3, 0.9]),
  peer: summarize([0.2, 0.2, 0.2, 0.6]),
  ratio: { p50: 1.5, p99: 1.49 },
};
