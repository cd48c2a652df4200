/** The report's title block, table of contents and section 1 (scorecard and grade). */
import { SCORECARD } from "../../thresholds.ts";
import { formatMetric, formatNumber, provenanceLabel } from "../format.ts";
import { publishedMetric } from "../published-metrics.ts";
import type { Report } from "../report-model.ts";
import { boxTable, fenced, markdownTable } from "./text-blocks.ts";

/** Title, run line, status line and table of contents. */
export function titleBlock(report: Report): string[] {
  const { config } = report.results;
  const passed = report.checks.filter((c) => c.passed).length;
  const status = passed === report.checks.length ? "PASSED" : "FAILED";
  return [
    "# EnterpriseHub Performance Benchmark Report",
    "",
    `> **Mode**: ${config.mode} | **Seed**: ${config.seed} | **Iterations**: ${formatNumber(config.iterations, 0)} (cache: ${formatNumber(config.cacheIterations, 0)})${config.quick ? " | **Quick run**" : ""}  `,
    `> **Status**: **${passed}/${report.checks.length} checks ${status}** | **Grade**: ${report.grade.letter} (${report.grade.total.toFixed(1)}/100)  `,
    "> Every figure is labelled *modeled* (drawn from the calibrated distributions of `bench/calibration.ts` on a virtual clock) or *measured* (timed on a real clock, or counted).",
    "> Run metadata (date, host, Node version, wall time) is in `meta.json`, so this file is byte-identical for the same seed and code.",
    "",
    "## Table of Contents",
    "",
    ...[
      "Executive Summary",
      "API Latency Analysis",
      "Cache Hit Rate Analysis",
      "Orchestration Overhead",
      "Cost Analysis Per Operation",
      "Competitive Comparison",
      "Load Test Results",
      "Recommendations",
      "Methodology",
    ].map((title, i) => `${i + 1}. [${title}](#${i + 1}-${title.toLowerCase().replaceAll(" ", "-")})`),
  ];
}

/** Section 1: disclaimer, scorecard box (with published figures beside ours) and grade table. */
export function summarySection(report: Report): string[] {
  const { grade } = report;
  const box = boxTable(
    "ENTERPRISEHUB PERFORMANCE SCORECARD",
    ["Metric", "Target", "Actual", "Source", "Margin", "Status", "Published"],
    report.scorecard.map((row, i) => {
      const spec = SCORECARD[i]!;
      const published = formatMetric(publishedMetric(spec.metric), spec.unit);
      return [
        row.label,
        row.target,
        row.actual,
        provenanceLabel(row.provenance),
        row.margin,
        row.status,
        published,
      ];
    }),
  );
  const scored = grade.categories.filter((c) => c.score !== undefined);
  const notRun = grade.categories.filter((c) => c.score === undefined).map((c) => c.label);
  return [
    "## 1. Executive Summary",
    "",
    `> **Disclaimer**: ${disclaimer(report.results.config.mode)} See [Methodology](#9-methodology).`,
    "",
    "### Key Metrics at a Glance",
    "",
    ...fenced(box),
    "",
    `### Performance Grade: **${grade.letter}** (${grade.targetsMet} of ${grade.targetsScored} scored targets met)`,
    "",
    ...markdownTable(
      ["Category", "Score", "Weight", "Weighted"],
      [
        ...grade.categories.map((c) => [
          c.label,
          c.score === undefined ? "not run" : `${c.score.toFixed(1)}/100`,
          `${c.weightPercent}%`,
          c.weighted === undefined ? "—" : c.weighted.toFixed(1),
        ]),
        [
          "**Overall**",
          "",
          `**${scored.reduce((a, c) => a + c.weightPercent, 0)}% scored**`,
          `**${grade.total.toFixed(1)}/100**`,
        ],
      ],
    ),
    "",
    "Score of a row: 60 for a bare pass, plus 40 × headroom / 50 % (capped at 100, floored at 0); a category is the mean of its rows; see 9.5.",
    ...(notRun.length > 0
      ? [
          "",
          `Not scored in this run (no figures): ${notRun.join(", ")}; the other weights are scaled up to 100 %.`,
        ]
      : []),
  ];
}

function disclaimer(mode: "simulated" | "real"): string {
  return mode === "simulated"
    ? "This run is a simulation: API and cache latencies are modeled (log-normal draws calibrated to the published report, on virtual time); orchestration phases are measured on this machine's CPU; costs are computed from modeled token usage."
    : "This run drove the real adapters: latencies are measured on a real clock and costs are computed from the usage the services reported.";
}
