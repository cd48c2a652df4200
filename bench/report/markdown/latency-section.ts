/** Section 2: per-endpoint latency table, ASCII distributions, the qualification breakdown, middleware. */
import { ENDPOINT_LATENCY, MIDDLEWARE_LATENCY, PUBLISHED_ENDPOINTS } from "../../calibration.ts";
import { CHECKS } from "../../thresholds.ts";
import { formatMs, formatNumber, formatThreshold } from "../format.ts";
import type { MetricId } from "../metrics.ts";
import type { CheckResult, Report } from "../report-model.ts";
import { ENDPOINTS, type EndpointKey, type EndpointResult, type LatencyFigures } from "../types.ts";
import { bar, fenced, markdownTable } from "./text-blocks.ts";

const BAR_WIDTH = 40;

/** The P99 check of an endpoint and its threshold. */
function p99Check(report: Report, key: EndpointKey): { spec: (typeof CHECKS)[number]; result: CheckResult } {
  const metric: MetricId = `endpoint.${key}.p99`;
  const index = CHECKS.findIndex((c) => c.metric === metric);
  return { spec: CHECKS[index]!, result: report.checks[index]! };
}

const published = (key: EndpointKey) => {
  const p = PUBLISHED_ENDPOINTS[key];
  return `${formatMs(p.p50)} / ${formatMs(p.p95)} / ${formatMs(p.p99)}`;
};

/** One endpoint's 2.2 block: P50 / P95 / P99 bars on a scale from 0 to its P99 target. */
function distribution(report: Report, e: EndpointResult): string[] {
  const { spec } = p99Check(report, e.endpoint);
  const scale = Math.max(spec.threshold, e.latency.p99);
  const p = PUBLISHED_ENDPOINTS[e.endpoint];
  const line = (name: string, value: number, pub: number) =>
    `  ${name}  │${bar(value, scale, BAR_WIDTH)}│ ${formatMs(value)} (${e.latency.provenance}; published ${formatMs(pub)})`;
  const right = formatThreshold(scale, "ms");
  return [
    `  ${ENDPOINTS[e.endpoint].split(" ")[1]} Latency Distribution (ms)`,
    `  ${"─".repeat(BAR_WIDTH + 5)}`,
    line("P50", e.latency.p50, p.p50),
    line("P95", e.latency.p95, p.p95),
    line("P99", e.latency.p99, p.p99),
    `       └${"─".repeat(BAR_WIDTH)}┘`,
    `       0ms${right.padStart(BAR_WIDTH - 1)}`,
  ];
}

const latencyRow = (name: string, l: LatencyFigures, extra: readonly string[]) => [
  name,
  l.provenance,
  formatNumber(l.count, 0),
  formatMs(l.p50),
  formatMs(l.p95),
  formatMs(l.p99),
  ...extra,
];

/** Section 2. */
export function latencySection(report: Report): string[] {
  const { endpoints, config, middleware } = report.results;
  const { qualify } = ENDPOINT_LATENCY;
  const qualifyResult = endpoints.find((e) => e.endpoint === "qualify");
  return [
    "## 2. API Latency Analysis",
    "",
    "### 2.1 Endpoint Performance Summary",
    "",
    `${formatNumber(config.iterations, 0)} iterations per endpoint, seed=${config.seed}. Published figures are the report's section 2.1.`,
    "",
    ...markdownTable(
      [
        "Endpoint",
        "Source",
        "Count",
        "P50",
        "P95",
        "P99",
        "Published P50 / P95 / P99",
        "Target (P99)",
        "Status",
      ],
      endpoints.map((e) => {
        const { spec, result } = p99Check(report, e.endpoint);
        const status = result.passed ? "PASS" : "FAIL";
        return latencyRow(`\`${ENDPOINTS[e.endpoint]}\``, e.latency, [
          published(e.endpoint),
          `<${formatThreshold(spec.threshold, "ms")}`,
          status,
        ]);
      }),
    ),
    "",
    "### 2.2 Latency Distribution Visualization",
    "",
    ...fenced(endpoints.flatMap((e, i) => [...(i > 0 ? [""] : []), ...distribution(report, e)])),
    "",
    "### 2.3 Latency Breakdown: Lead Qualification",
    "",
    "The model (bench/calibration.ts) is bimodal:",
    "",
    ...markdownTable(
      ["Path", "Probability", "Median", "Sigma", "Source"],
      [
        [
          "Cache hit",
          `${qualify.cacheHitShare * 100}%`,
          formatMs(qualify.cacheHit.medianMs),
          qualify.cacheHit.sigma.toFixed(4),
          "modeled (calibration)",
        ],
        [
          "LLM inference",
          `${(1 - qualify.cacheHitShare) * 100}%`,
          formatMs(qualify.llm.medianMs),
          qualify.llm.sigma.toFixed(4),
          "modeled (calibration)",
        ],
      ],
    ),
    ...pathTable(qualifyResult),
    "",
    "### 2.4 Middleware Overhead",
    "",
    `Model: median ${formatMs(MIDDLEWARE_LATENCY.medianMs)}, sigma ${MIDDLEWARE_LATENCY.sigma} (${MIDDLEWARE_LATENCY.derivation}).`,
    ...(middleware
      ? [
          "",
          ...markdownTable(
            ["Stack", "Source", "Count", "P50", "P95", "P99"],
            [latencyRow("auth + rate limit + logging", middleware, [])],
          ),
        ]
      : ["", "Not timed separately in this run: it is included in every endpoint's figures."]),
  ];
}

/** The paths this run actually took through qualification, when the runner split them. */
function pathTable(result: EndpointResult | undefined): string[] {
  if (!result?.paths || result.paths.length === 0) return [];
  const total = result.paths.reduce((n, p) => n + p.count, 0);
  return [
    "",
    "This run:",
    "",
    ...markdownTable(
      ["Path", "Source", "Count", "P50", "P95", "P99", "Share"],
      result.paths.map((p) => latencyRow(p.name, p.latency, [`${((p.count / total) * 100).toFixed(1)}%`])),
    ),
  ];
}
