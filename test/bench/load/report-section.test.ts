import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatFixed, formatRatio } from "../../../bench/load/figures.ts";
import { escapeXml, niceCeiling, renderLoadChart } from "../../../bench/load/load-chart.ts";
import { rampRatios } from "../../../bench/load/peer-ratio.ts";
import {
  renderLoadReport,
  renderRampTable,
  renderResourceTable,
} from "../../../bench/load/report-section.ts";
import { L1_COMPARISON, MACHINE, RESOURCES, rampRow } from "./report-fixtures.ts";

/** Rows of a markdown table (header and separator excluded). */
function dataRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((l) => l.startsWith("|") && !l.startsWith("|---"))
    .slice(1)
    .map((l) => l.slice(2, -2).split(" | "));
}

/**
 * Checks that `svg` is well-formed XML as far as a hand-written SVG can go wrong: every tag closed
 * in order, attributes quoted, no raw "&" or "<" in text. Returns the problems found.
 */
function xmlProblems(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tags = svg.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    const m = /^<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/.exec(tag);
    if (!m) {
      problems.push(`malformed tag ${tag}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(", ")}`);
  const text = svg.replace(/<[^>]*>/g, "");
  if (/&(?!amp;|lt;|gt;|quot;)/.test(text) || text.includes("<")) problems.push("unescaped text");
  if (!svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')) problems.push("not an SVG root");
  return problems;
}

const RAMP = [
  rampRow(10, 2_138.4, 3.29),
  rampRow(25, 4_019, 4.66),
  rampRow(100, 5_118, 16.16),
  rampRow(200, 3_783, null),
];

describe("the section 7 markdown", () => {
  it("renders the 7.1 ramp like the report, every row labelled measured", () => {
    const md = renderRampTable(RAMP);
    expect(md.split("\n")[0]).toBe(
      "| Users | Requests | Throughput (rps) | P50 (ms) | P95 (ms) | P99 (ms) | Error Rate | Source |",
    );
    const rows = dataRows(md);
    expect(rows[2]).toEqual(["100", "5,000", "5,118", "4.04", "8.08", "16.16", "0.00%", "measured"]);
    expect(rows[3]?.slice(3, 6)).toEqual(["—", "—", "—"]);
    expect(rows.every((r) => r.at(-1) === "measured")).toBe(true);
  });

  it("renders 7.3 against the report's targets with headroom", () => {
    const rows = dataRows(renderResourceTable(RESOURCES));
    expect(rows[0]).toEqual(["Memory baseline (RSS)", "—", "292.0 MB", "—", "measured"]);
    expect(rows[1]).toEqual(["Memory peak (RSS, under load)", "<2,048 MB", "294.0 MB", "85.6%", "measured"]);
    expect(rows[2]).toEqual(["Memory growth (RSS, after)", "<500 MB", "+1.9 MB", "99.6%", "measured"]);
    expect(rows[3]).toEqual(["CPU average (% of one core)", "<80%", "75.0%", "6.3%", "measured"]);
  });

  it("puts the sections in order, shows pending 7.2 rows until the lead measures them, and the ratios", () => {
    const md = renderLoadReport({
      machine: MACHINE,
      ramps: [{ title: "/health — node:http", rows: RAMP }],
      resources: [RESOURCES],
      rampRatios: [{ ours: "Express 5", peer: "node:http", ratios: rampRatios(RAMP, RAMP) }],
      cachePeers: [L1_COMPARISON],
      skipped: ["L3 vs raw pg: postgres is not reachable"],
    });
    const order = ["### 7.1", "### 7.2", "### 7.3", "### 7.4"].map((h) => md.indexOf(h));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(md).toContain("2 CPU cores (Test CPU)");
    expect(md).toContain("Node.js v20.0.0");
    expect(md).toContain("| Buyer Bot Only | 50 | — | — | — | — | — | pending |");
    expect(md).toContain("| 100 | ×1.00 | ×1.00 | ×1.00 | measured |");
    expect(md).toContain("| L1 get (hit) | LruCacheTier | lru-cache direct | 0.30 µs | 0.20 µs | ×1.50 |");
    expect(md).toContain("Not run: `L3 vs raw pg: postgres is not reachable`");
    const rows = md.split("\n").filter((l) => /^\| \d|^\| L1/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => l.endsWith("| measured |"))).toBe(true);
  });

  it("formats figures the same way on every locale", () => {
    expect(formatCount(1_234_567.6)).toBe("1,234,568");
    expect(formatCount(-1_234)).toBe("-1,234");
    expect(formatFixed(12_345.678)).toBe("12,345.68");
    expect(formatRatio(null)).toBe("—");
    expect(formatRatio(0.5)).toBe("×0.50");
  });
});

describe("the ramp chart", () => {
  const series = [
    { name: "node:http", rows: RAMP },
    { name: "Express <5> & co", rows: RAMP.map((r) => ({ ...r, throughputRps: r.throughputRps / 4 })) },
  ];

  it("is a well-formed SVG with both panels, the steps and an escaped legend", () => {
    const svg = renderLoadChart(series);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain("Throughput (rps)");
    expect(svg).toContain("P99 latency (ms)");
    expect(svg).toContain("Express &lt;5&gt; &amp; co");
    for (const users of ["10", "25", "100", "200"]) expect(svg).toContain(`>${users}</text>`);
    expect(svg.match(/<polyline /g)?.length).toBe(4);
  });

  it("is byte-for-byte the same for the same rows", () => {
    expect(renderLoadChart(series)).toBe(renderLoadChart(series.map((s) => ({ ...s, rows: [...s.rows] }))));
  });

  it("property: any names and figures, gaps included, give a well-formed SVG", () => {
    const row = fc.record({
      users: fc.integer({ min: 1, max: 1_000 }),
      rps: fc.double({ min: 0, max: 1.7e308, noNaN: true }),
      p99: fc.option(fc.double({ min: 0, max: 1.7e308, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), rows: fc.array(row, { maxLength: 6 }) }), { maxLength: 4 }),
        (raw) => {
          const svg = renderLoadChart(
            raw.map((s) => ({ name: s.name, rows: s.rows.map((r) => rampRow(r.users, r.rps, r.p99)) })),
          );
          expect(xmlProblems(svg)).toEqual([]);
          expect(svg).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: the axis ceiling is the smallest 1, 2, 2.5 or 5 x 10^k at or above the data", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (v) => {
        const ceiling = niceCeiling(v);
        expect(ceiling).toBeGreaterThanOrEqual(v);
        expect(ceiling).toBeLessThanOrEqual(v * 5.000001);
        const mantissa = ceiling / 10 ** Math.floor(Math.log10(ceiling) + 1e-9);
        expect([1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps its axes finite for figures at the edge of floating point", () => {
    for (const v of [5e-324, 1e-310, 1.7e308]) {
      expect(niceCeiling(v)).toBeGreaterThanOrEqual(v);
      expect(renderLoadChart([{ name: "edge", rows: [rampRow(10, v, v), rampRow(20, v, v)] }])).not.toMatch(
        /NaN|Infinity/,
      );
    }
  });

  it("escapes every character XML reserves", () => {
    expect(escapeXml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });
});
