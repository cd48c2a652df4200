/**
 * The load test's figures as the main report's `LoadResult` (bench/report/types.ts), so that
 * `npm run bench -- --mode real` renders section 7 from this run's measurements.
 *
 * Choices, stated where the report reads them:
 * - the 7.1 steps are the ramp of POST /api/leads/qualify on a warm cache: the product's main endpoint
 *   on its cache path, the workload the report's 7.1 figures stand for (their P50 is far below any
 *   model call). The /health and mixed-workload ramps stay in load.md;
 * - memory is EnterpriseHub's RSS (baseline idle after start-up, peak at 100 connections, growth after
 *   the whole run), in MB of 2^20 bytes;
 * - `cpuPercent` is "percent of one machine" (the type's unit): the process's CPU time over the
 *   100-connection window divided by wall time and by the machine's cores.
 */
import type { LatencySummary } from "../../src/domain/percentiles.ts";
import type { LoadResult, LoadStep, BotScenario as ReportBotScenario } from "../report/types.ts";
import type { RampRow } from "./ramp.ts";
import type { BotScenario } from "./ramp-tables.ts";
import type { ResourceReport } from "./resources.ts";

/** What the mapping reads. */
export interface ServiceLoadFigures {
  /** The warm-qualify ramp, one row per step. */
  readonly steps: readonly RampRow[];
  readonly bots: readonly BotScenario[];
  /** EnterpriseHub's resources over the run. */
  readonly resources: ResourceReport;
}

const MB = 1024 * 1024;

/** The report's LoadResult from the service's measured figures (bot scenarios not measured are left out). */
export function toLoadResult(figures: ServiceLoadFigures): LoadResult {
  const r = figures.resources;
  return {
    provenance: "measured",
    steps: figures.steps.map(toStep),
    bots: figures.bots.flatMap((b): ReportBotScenario[] =>
      b.row?.latency
        ? [
            {
              scenario: b.scenario,
              concurrent: b.concurrent,
              throughputRps: b.row.throughputRps,
              errorRate: b.row.errorRate,
              latency: measured(b.row.latency),
            },
          ]
        : [],
    ),
    memory: {
      baselineMb: r.baselineRssBytes / MB,
      peakMb: r.peakRssBytes / MB,
      growthMb: r.rssGrowthBytes / MB,
    },
    ...(r.cores > 0 ? { cpuPercent: r.cpuAvgPercent / r.cores } : {}),
  };
}

function toStep(row: RampRow): LoadStep {
  return {
    users: row.users,
    requests: row.requests,
    throughputRps: row.throughputRps,
    errorRate: row.errorRate,
    ...(row.latency ? { latency: measured(row.latency) } : {}),
  };
}

function measured(latency: LatencySummary) {
  return { ...latency, provenance: "measured" as const };
}
