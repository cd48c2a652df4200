/**
 * The load test's measurements put together: the section 7 input (load.md / load.json), the chart's
 * lines, the main report's LoadResult, and the list of steps that failed the run.
 */
import type { LogNormalLatency } from "../../src/adapters/simulated/log-normal.ts";
import type { LoadResult } from "../report/types.ts";
import type { CachePeerResults } from "./cache-peers.ts";
import { formatFixed, formatPercent } from "./figures.ts";
import type { HealthPeerResults } from "./health-peer-suite.ts";
import type { ChartSeries } from "./load-chart.ts";
import { toLoadResult } from "./load-result-mapping.ts";
import { describeMachine } from "./machine-info.ts";
import { rampRatios } from "./peer-ratio.ts";
import type { RampRow } from "./ramp.ts";
import type { LoadReportInput, RampRatioTable, RampTable } from "./report-section.ts";
import type { ResourceReport } from "./resources.ts";
import type { ServiceSuiteResults } from "./service-suite.ts";

/** The service's name in tables and ratios. */
export const SERVICE_NAME = "EnterpriseHub";

/** Everything one run measured. */
export interface LoadMeasurements {
  /** What the service ran on (composition-plan.ts's description). */
  readonly composition: string;
  readonly workers: number;
  readonly llmLatency: LogNormalLatency;
  readonly health?: HealthPeerResults;
  readonly suite: ServiceSuiteResults;
  /** The service's processes over the run. */
  readonly resources: ResourceReport;
  readonly cache?: CachePeerResults;
}

/** What the run produces. */
export interface AssembledLoadReport {
  readonly report: LoadReportInput;
  readonly chart: ChartSeries[];
  readonly load: LoadResult;
  /** Steps with errors: the rate limit is out of reach, so every non-2xx and every missing answer counts. */
  readonly failures: string[];
}

/** Puts one run's measurements together. */
export function assembleLoadReport(m: LoadMeasurements): AssembledLoadReport {
  const { suite, health, cache } = m;
  const workers = m.workers > 1 ? ` (${m.workers} workers)` : "";
  const single = suite.warmOneWorker;
  const ramps: RampTable[] = [
    ...(health?.ramps ?? []),
    { title: `POST /api/leads/qualify, warm cache — ${SERVICE_NAME}${workers}`, rows: suite.warm },
    ...(single
      ? [{ title: `POST /api/leads/qualify, warm cache — ${SERVICE_NAME}, 1 worker`, rows: single }]
      : []),
    {
      title: `Mixed workload (70 % warm qualify, 20 % new leads, 10 % contacts sync) — ${SERVICE_NAME}${workers}`,
      rows: suite.mixed,
    },
  ];
  const scaling: RampRatioTable[] = single
    ? [
        {
          ours: `${SERVICE_NAME} ×${m.workers} workers`,
          peer: "1 worker",
          ratios: rampRatios(suite.warm, single),
        },
      ]
    : [];
  const report: LoadReportInput = {
    machine: describeMachine(),
    notes: [
      `${SERVICE_NAME} (\`src/app/main.ts\`, child process${m.workers > 1 ? "es" : ""}): ${m.composition}.`,
      `Fake Messages API latency: log-normal, median ${m.llmLatency.medianMs} ms, sigma ${formatFixed(m.llmLatency.sigma, 3)}; switched off for the orchestration-overhead comparison.`,
    ],
    ramps,
    botScenarios: suite.bots,
    resources: [m.resources, ...(health?.resources ?? [])],
    rampRatios: [...(health?.ratios ?? []), ...scaling],
    cachePeers: cache?.comparisons ?? [],
    orchestration: suite.overhead,
    ...(cache?.skipped.length ? { skipped: cache.skipped } : {}),
  };
  const chart: ChartSeries[] = [
    ...Object.entries(health?.rows ?? {}).map(([name, rows]) => ({ name: `${name} /health`, rows })),
    { name: `${SERVICE_NAME} warm qualify`, rows: suite.warm },
    ...(single ? [{ name: `${SERVICE_NAME} warm, 1 worker`, rows: single }] : []),
    { name: `${SERVICE_NAME} mixed`, rows: suite.mixed },
  ];
  const failures = [
    ...Object.entries(health?.rows ?? {}).flatMap(([name, rows]) => stepFailures(`${name} /health`, rows)),
    ...stepFailures("warm qualify", suite.warm),
    ...stepFailures("warm qualify, 1 worker", single ?? []),
    ...stepFailures("mixed workload", suite.mixed),
    ...suite.bots.flatMap((b) => (b.row ? stepFailures(b.scenario, [b.row]) : [])),
  ];
  return {
    report,
    chart,
    load: toLoadResult({ steps: suite.warm, bots: suite.bots, resources: m.resources }),
    failures,
  };
}

function stepFailures(name: string, rows: readonly RampRow[]): string[] {
  return rows
    .filter((r) => r.errorRate > 0)
    .map((r) => `${name} at ${r.users} connections: ${formatPercent(r.errorRate)} errors`);
}
