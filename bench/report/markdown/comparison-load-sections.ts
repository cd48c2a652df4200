/** Sections 6 (competitive comparison: our side only) and 7 (load test, when one was run). */
import { formatFraction, formatMetric, formatMs, formatNumber, provenanceLabel } from "../format.ts";
import type { MetricId } from "../metrics.ts";
import { readMetric } from "../metrics.ts";
import { publishedMetric } from "../published-metrics.ts";
import type { Report } from "../report-model.ts";
import type { LatencyFigures } from "../types.ts";
import { markdownTable } from "./text-blocks.ts";

const OUR_SIDE: readonly { label: string; metric: MetricId; unit: "ms" | "rps" | "%" | "USD" }[] = [
  { label: "API Response P95 (load, 100 users)", metric: "load.p95", unit: "ms" },
  { label: "Throughput (req/s, 100 users)", metric: "load.throughput", unit: "rps" },
  { label: "Cache Hit Rate", metric: "cache.hitRate", unit: "%" },
  { label: "Cost/Qualification (list-2026)", metric: "cost.lead_qualification", unit: "USD" },
];

/** Section 6. */
export function comparisonSection(report: Report): string[] {
  return [
    "## 6. Competitive Comparison",
    "",
    "The published comparison's competitor columns are estimates from public material; this suite benchmarks only EnterpriseHub and does not reproduce them. Our side of that table, from this run:",
    "",
    ...markdownTable(
      ["Metric", "This run", "Source", "Published (EnterpriseHub column)"],
      OUR_SIDE.map(({ label, metric, unit }) => {
        const reading = readMetric(report.results, metric);
        return [
          label,
          reading ? formatMetric(reading.value, unit) : "not run",
          provenanceLabel(reading?.provenance),
          formatMetric(publishedMetric(metric), unit),
        ];
      }),
    ),
  ];
}

const percentiles = (l: LatencyFigures | undefined) =>
  l ? [formatMs(l.p50), formatMs(l.p95), formatMs(l.p99)] : ["—", "—", "—"];

/** Section 7. */
export function loadSection(report: Report): string[] {
  const { load } = report.results;
  const heading = ["## 7. Load Test Results", ""];
  if (!load) {
    return [
      ...heading,
      `Not run in this ${report.results.config.mode} run: the load test drives the HTTP server with concurrent connections and needs \`--mode real\`. The scorecard rows that depend on it are NOT RUN and left out of the grade.`,
    ];
  }
  const source = load.provenance;
  return [
    ...heading,
    "### 7.1 Concurrent User Ramp",
    "",
    ...markdownTable(
      ["Users", "Source", "Requests", "Throughput (rps)", "P50", "P95", "P99", "Error Rate"],
      load.steps.map((s) => [
        String(s.users),
        source,
        formatNumber(s.requests, 0),
        formatNumber(s.throughputRps, 0),
        ...percentiles(s.latency),
        formatFraction(s.errorRate, 2),
      ]),
    ),
    "",
    "### 7.2 Bot Concurrency",
    "",
    ...markdownTable(
      ["Scenario", "Source", "Concurrent", "Throughput (rps)", "P50", "P95", "P99", "Error Rate"],
      load.bots.map((b) => [
        b.scenario,
        b.latency.provenance,
        String(b.concurrent),
        formatNumber(b.throughputRps, 0),
        ...percentiles(b.latency),
        formatFraction(b.errorRate, 2),
      ]),
    ),
    "",
    "### 7.3 Resource Utilization",
    "",
    ...markdownTable(
      ["Resource", "Source", "Measured"],
      [
        ["Memory baseline", source, formatMetric(load.memory.baselineMb, "MB")],
        ["Memory peak", source, formatMetric(load.memory.peakMb, "MB")],
        ["Memory growth", source, `+${load.memory.growthMb.toFixed(1)}MB`],
        [
          "CPU average",
          source,
          load.cpuPercent === undefined ? "not measured" : `${load.cpuPercent.toFixed(0)}%`,
        ],
      ],
    ),
  ];
}
