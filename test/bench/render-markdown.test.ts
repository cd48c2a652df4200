import { describe, expect, it } from "vitest";
import { buildReport } from "../../bench/report/build-report.ts";
import { renderMarkdown } from "../../bench/report/render-markdown.ts";
import type { BenchResults } from "../../bench/report/types.ts";
import { latency, publishedLikeResults, realRunResults } from "./fixtures.ts";

const simulated = renderMarkdown(buildReport(publishedLikeResults()));
const real = renderMarkdown(buildReport(realRunResults()));

/** The lines of `markdown` between `heading` and the next heading of the same or a higher level. */
function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = heading.split(" ")[0]!;
  const rest = markdown.slice(start + heading.length);
  const next = rest.search(new RegExp(`\\n#{2,${level.length}} `));
  return next === -1 ? rest : rest.slice(0, next);
}

describe("report.md", () => {
  it("has the published layout: sections 1–9 and Appendix A, in order", () => {
    const headings = [
      "## 1. Executive Summary",
      "### Key Metrics at a Glance",
      "## 2. API Latency Analysis",
      "### 2.1 Endpoint Performance Summary",
      "### 2.2 Latency Distribution Visualization",
      "### 2.3 Latency Breakdown: Lead Qualification",
      "### 2.4 Middleware Overhead",
      "## 3. Cache Hit Rate Analysis",
      "### 3.2 Per-Tier Performance",
      "### 3.3 Cache Hit Rate vs Target",
      "### 3.5 Cache Savings Estimate",
      "## 4. Orchestration Overhead",
      "### 4.2 Overhead Budget",
      "## 5. Cost Analysis Per Operation",
      "### 5.1 Per-Operation Cost Breakdown",
      "### 5.2 Cost Model Assumptions",
      "### 5.3 Monthly Cost Projections",
      "### 5.4 Cost Optimization Impact",
      "## 6. Competitive Comparison",
      "## 7. Load Test Results",
      "## 8. Recommendations",
      "### 8.3 Alert Thresholds",
      "## 9. Methodology",
      "### 9.4 Limitations",
      "## Appendix A: Raw Benchmark Output",
    ];
    const positions = headings.map((h) => simulated.indexOf(`\n${h}\n`));
    for (const [i, p] of positions.entries()) expect(p, headings[i]).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("labels figures modeled or measured: a Source column in every latency table, a suffix on every bar", () => {
    expect(sectionOf(simulated, "### 2.1 Endpoint Performance Summary")).toMatch(
      /\| `GET \/health` \| modeled \|/,
    );
    expect(sectionOf(simulated, "### 4.1 Claude Orchestrator Pipeline")).toMatch(/\| `route` \| measured \|/);
    const bars = simulated.split("\n").filter((l) => l.includes("│█"));
    expect(bars.length).toBeGreaterThan(10);
    for (const line of bars.filter((l) => /ms|%/.test(l) && !l.includes("/mo")))
      expect(line).toMatch(/modeled|measured/);
    expect(sectionOf(real, "### 7.1 Concurrent User Ramp")).toMatch(/\| 100 \| measured \|/);
  });

  it("puts the published figure beside this run's for modeled latencies", () => {
    const table = sectionOf(simulated, "### 2.1 Endpoint Performance Summary");
    expect(table).toContain("Published P50 / P95 / P99");
    expect(table).toContain("671.87ms / 1,224.79ms / 1,387.81ms");
    expect(sectionOf(simulated, "### 3.2 Per-Tier Performance")).toContain(
      "59.1% · 0.30ms / 0.49ms / 0.60ms",
    );
  });

  it("shows the scorecard box, the grade table and the Appendix A tally", () => {
    expect(simulated).toContain("ENTERPRISEHUB PERFORMANCE SCORECARD");
    expect(simulated).toMatch(/\| \*\*Overall\*\* \|.*\/100\*\* \|/);
    expect(simulated).toContain("8/8 checks passed  [ALL PASSED]");
    expect(simulated).toContain("**8/8 checks PASSED**");
  });

  it("prices every cost table under both profiles", () => {
    for (const heading of [
      "### 5.1 Per-Operation Cost Breakdown",
      "### 5.3 Monthly Cost Projections",
      "### 5.4 Cost Optimization Impact",
    ]) {
      const section = sectionOf(simulated, heading);
      expect(section).toContain("`list-2026`");
      expect(section).toContain("`report-2026-02`");
    }
    expect(sectionOf(simulated, "### 3.5 Cache Savings Estimate")).toContain("$63.4104/day saved");
  });

  it("lists each alert with its current value and status", () => {
    const alerts = sectionOf(real, "### 8.3 Alert Thresholds");
    expect(alerts).toContain("| CPU utilization | >70% | >85% | 75.0% | measured | WARNING |");
    expect(sectionOf(simulated, "### 8.3 Alert Thresholds")).toContain(
      "| API response P95 | >150ms | >300ms | n/a | n/a | not measured |",
    );
  });

  it("reports a failed check as FAIL, in the tally and in the findings", () => {
    const results = publishedLikeResults();
    const slowSync: BenchResults = {
      ...results,
      endpoints: results.endpoints.map((e) =>
        e.endpoint === "sync" ? { ...e, latency: latency(183.88, 480, 612.5) } : e,
      ),
    };
    const md = renderMarkdown(buildReport(slowSync));
    expect(md).toContain("7/8 checks passed  [1 FAILED]");
    expect(md).toContain("**7/8 checks FAILED**");
    expect(md).toContain("- Check failed: API /api/contacts/sync P99 < 500ms (612.50ms).");
  });

  it("says the load test was not run in a simulated run, and shows it in a real one", () => {
    expect(sectionOf(simulated, "## 7. Load Test Results")).toContain("Not run in this simulated run");
    expect(sectionOf(real, "## 7. Load Test Results")).toContain("### 7.2 Bot Concurrency");
  });

  it("is byte-identical for the same results and carries no date or host", () => {
    expect(renderMarkdown(buildReport(publishedLikeResults()))).toBe(simulated);
    expect(simulated).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
