import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../bench/report/build-report.ts";
import { escapeXml, renderBarChart } from "../../bench/report/svg-bar-chart.ts";
import { hitRateChart, latencyChart, renderCharts } from "../../bench/report/svg-charts.ts";
import { latency, publishedLikeResults } from "./fixtures.ts";

/** Problems of `svg` as a standalone document: root element, tag balance, no NaN / undefined. */
function wellFormednessProblems(svg: string): string[] {
  const problems: string[] = [];
  if (!svg.startsWith("<svg ")) problems.push("does not start with <svg");
  if (!svg.trimEnd().endsWith("</svg>")) problems.push("does not end with </svg>");
  if (/NaN|undefined|Infinity/.test(svg)) problems.push("contains NaN, undefined or Infinity");
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^<>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join(">, <")}>`);
  // Every & starts an entity: raw text was escaped.
  if (/&(?!amp;|lt;|gt;|quot;)/.test(svg)) problems.push("unescaped &");
  return problems;
}

describe("SVG charts", () => {
  const charts = renderCharts(buildReport(publishedLikeResults()));

  it("are one latency chart per endpoint and one hit-rate chart, with fixed names", () => {
    expect(charts.map((c) => c.file)).toEqual([
      "latency-health.svg",
      "latency-qualify.svg",
      "latency-sync.svg",
      "cache-hit-rates.svg",
    ]);
  });

  it.each(charts.map((c) => [c.file, c.svg]))("%s is well formed", (_, svg) => {
    expect(wellFormednessProblems(svg)).toEqual([]);
  });

  it("draw P50 / P95 / P99 against the P99 target, labelled with provenance", () => {
    const svg = charts[1]!.svg;
    expect(svg).toContain("POST /api/leads/qualify latency");
    expect(svg).toContain("1,387.81ms (modeled)");
    expect(svg).toContain("target 2,000ms");
  });

  it("draw each tier's hit rate against its own target", () => {
    const svg = charts[3]!.svg;
    for (const text of ["59.1% (modeled)", "target 75%", "target 50%", "target 25%", "target 87%"])
      expect(svg).toContain(text);
  });

  it("are byte-identical for the same results", () => {
    expect(renderCharts(buildReport(publishedLikeResults()))).toEqual(charts);
  });

  it("escape text, so a label cannot break the markup", () => {
    expect(escapeXml(`a<b & "c">`)).toBe("a&lt;b &amp; &quot;c&quot;&gt;");
    const svg = renderBarChart({ title: "<script>", subtitle: "R&D", bars: [], scaleMax: 0, axisText: "0" });
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg).not.toContain("<script>");
  });

  it("stay well formed for any latencies, including zeros and values past the target", () => {
    const endpoint = { endpoint: "health" as const };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (values, target) => {
          const [p50, p95, p99] = [...values].sort((a, b) => a - b) as [number, number, number];
          const svg = latencyChart({ ...endpoint, latency: latency(p50, p95, p99) }, target);
          expect(wellFormednessProblems(svg)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("stay well formed for any hit counts", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (rate) => {
        const base = publishedLikeResults().cache;
        const svg = hitRateChart({ ...base, overall: { ...base.overall, hitRate: rate } });
        expect(wellFormednessProblems(svg)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
