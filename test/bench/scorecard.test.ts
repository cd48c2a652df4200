import { describe, expect, it } from "vitest";
import { evaluateScorecard, formatMargin, headroom } from "../../bench/report/scorecard.ts";
import { SCORECARD } from "../../bench/thresholds.ts";
import { publishedLikeResults, realRunResults } from "./fixtures.ts";

describe("section 1 scorecard", () => {
  it("prints the margins the report prints for its own figures", () => {
    const rows = evaluateScorecard(realRunResults());
    const margins = Object.fromEntries(rows.map((r) => [r.label, r.margin]));
    expect(margins).toMatchObject({
      "API P50 (health)": "99.1%",
      "API P95 (health)": "99.0%",
      "API P99 (health)": "99.5%",
      "Cache Hit Rate (overall)": "+1.1pp",
      "L1 Cache P99": "40.0%",
      "L2 Cache P99": "21.4%",
      "L3 Cache P99": "19.7%",
      "Throughput @100 users": "5.1x",
      "Error Rate @100 users": "100.0%",
      "Memory Under Load": "85.6%",
    });
  });

  it("headroom is the unused share of a '<' target and the excess over a '>' target", () => {
    expect(headroom(30, { comparator: "<", target: 50 })).toBeCloseTo(0.4, 12);
    expect(headroom(60, { comparator: "<", target: 50 })).toBeCloseTo(-0.2, 12);
    expect(headroom(1_500, { comparator: ">", target: 1_000 })).toBeCloseTo(0.5, 12);
    expect(formatMargin(85, { comparator: ">", target: 87, unit: "%" })).toBe("-2.0pp");
  });

  it("marks rows without figures NOT RUN and labels every other with its provenance", () => {
    const rows = evaluateScorecard(publishedLikeResults());
    expect(rows).toHaveLength(SCORECARD.length);
    expect(rows.filter((r) => r.status === "NOT RUN").map((r) => r.label)).toEqual([
      "Throughput @100 users",
      "Error Rate @100 users",
      "Memory Under Load",
    ]);
    for (const r of rows.filter((x) => x.status !== "NOT RUN"))
      expect(["modeled", "measured"]).toContain(r.provenance);
  });

  it("a target is met strictly: a value equal to a '<' target fails", () => {
    const spec = { ...SCORECARD[0]!, target: 1.32 };
    const [row] = evaluateScorecard(publishedLikeResults(), [spec]);
    expect(row).toMatchObject({ status: "FAIL", headroom: 0 });
  });
});
