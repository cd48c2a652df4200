/** Section 4: orchestration phases (real CPU timings) and the P99 overhead budget. */
import { PUBLISHED_ORCHESTRATION } from "../../calibration.ts";
import { CHECKS } from "../../thresholds.ts";
import { formatMs, formatNumber, formatThreshold } from "../format.ts";
import type { Report } from "../report-model.ts";
import type { LatencyFigures, OrchestrationPhase } from "../types.ts";
import { bar, fenced, markdownTable } from "./text-blocks.ts";

const PHASES: Readonly<Record<OrchestrationPhase, { name: string; description: string }>> = {
  route: { name: "Routing", description: "Task classification + model selection" },
  cache_key: { name: "Cache Key", description: "SHA-256 of canonical JSON" },
  parse: { name: "Parsing", description: "Multi-strategy JSON extraction" },
};

const BUDGET_BAR_WIDTH = 40;

const publishedTriple = (key: OrchestrationPhase | "total") => {
  const p = PUBLISHED_ORCHESTRATION[key];
  return `${formatMs(p.p50)} / ${formatMs(p.p95)} / ${formatMs(p.p99)}`;
};

const cells = (l: LatencyFigures) => [l.provenance, formatMs(l.p50), formatMs(l.p95), formatMs(l.p99)];

/** Section 4. */
export function orchestrationSection(report: Report): string[] {
  const { phases, total, iterations } = report.results.orchestration;
  const budget = CHECKS.find((c) => c.metric === "orchestration.p99")!.threshold;
  const passed = total.p99 < budget ? "PASS" : "FAIL";
  const share = (p99: number) => (total.p99 === 0 ? 0 : p99 / total.p99);
  const budgetLines = phases.map(
    ({ phase, latency }) =>
      `  ${PHASES[phase].name.padEnd(12)}│${bar(share(latency.p99), 1, BUDGET_BAR_WIDTH)}│ ${formatMs(latency.p99)} (${(share(latency.p99) * 100).toFixed(1)}% of total P99; ${latency.provenance})`,
  );
  return [
    "## 4. Orchestration Overhead",
    "",
    "### 4.1 Claude Orchestrator Pipeline",
    "",
    `${formatNumber(iterations, 0)} iterations of the real routing, cache-key and extraction code, timed on this machine's CPU.`,
    "",
    ...markdownTable(
      ["Phase", "Source", "P50", "P95", "P99", "Published P50 / P95 / P99", "Description"],
      [
        ...phases.map(({ phase, latency }) => [
          `\`${phase}\``,
          ...cells(latency),
          publishedTriple(phase),
          PHASES[phase].description,
        ]),
        [
          "**Total**",
          ...cells(total),
          publishedTriple("total"),
          `**Target: <${formatThreshold(budget, "ms")}** ${passed}`,
        ],
      ],
    ),
    "",
    "### 4.2 Overhead Budget",
    "",
    ...fenced([
      "  Orchestration Overhead Budget (P99)",
      `  ${"─".repeat(BUDGET_BAR_WIDTH + 15)}`,
      ...budgetLines,
      `              └${"─".repeat(BUDGET_BAR_WIDTH)}┘`,
      `  Total: ${formatMs(total.p99)} / ${formatThreshold(budget, "ms")} budget = ${((total.p99 / budget) * 100).toFixed(4)}% utilization (${total.provenance})`,
    ]),
    "",
    "Percentiles do not add: the phases' P99 shares can sum to more than 100 %.",
  ];
}
