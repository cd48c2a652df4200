import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeScorecard, letterFor, scoreFromHeadroom } from "../../bench/report/grade.ts";
import type { GradeCategory, ScorecardRow } from "../../bench/report/report-model.ts";
import { evaluateScorecard } from "../../bench/report/scorecard.ts";
import { GRADE_CATEGORIES } from "../../bench/thresholds.ts";
import { publishedLikeResults, realRunResults } from "./fixtures.ts";

/** A scored row whose score is exactly `score` (headroom inverted from the rule). */
function rowScoring(category: GradeCategory, score: number): ScorecardRow {
  const headroom = (score - 60) / 80;
  return {
    label: `${category} ${score}`,
    category,
    target: "",
    actual: "",
    value: 0,
    headroom,
    margin: "",
    status: headroom >= 0 ? "PASS" : "FAIL",
    provenance: "modeled",
  };
}

describe("score of a row from its headroom", () => {
  it("is 60 for a bare pass, 100 from 50 % headroom, 0 from 75 % over target", () => {
    expect([0, 0.25, 0.5, 0.9, -0.25, -0.75, -2].map(scoreFromHeadroom)).toEqual([
      60, 80, 100, 100, 40, 0, 0,
    ]);
  });

  it("never decreases as headroom grows, and stays within 0..100", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(scoreFromHeadroom(hi)).toBeGreaterThanOrEqual(scoreFromHeadroom(lo));
          expect(scoreFromHeadroom(a)).toBeGreaterThanOrEqual(0);
          expect(scoreFromHeadroom(a)).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("weighted grade", () => {
  it("reproduces the published table: 98 / 92 / 95 / 97 / 96 weigh 29.4 + 23.0 + 19.0 + 14.6 + 9.6 = 95.6, A+", () => {
    const rows = [
      rowScoring("api", 98),
      rowScoring("cache", 92),
      rowScoring("cost", 95),
      rowScoring("throughput", 97),
      rowScoring("resources", 96),
    ];
    const grade = gradeScorecard(rows);
    expect(grade.categories.map((c) => [c.score, c.weightPercent, c.weighted])).toEqual([
      [98, 30, 29.4],
      [92, 25, 23],
      [95, 20, 19],
      [97, 15, 14.6],
      [96, 10, 9.6],
    ]);
    expect(grade.total).toBe(95.6);
    expect(grade.letter).toBe("A+");
  });

  it("a category scores the mean of its rows, to one decimal", () => {
    const grade = gradeScorecard([rowScoring("api", 100), rowScoring("api", 61), rowScoring("api", 70)]);
    expect(grade.categories[0]!.score).toBe(77);
  });

  it("leaves out a category with no measured row and scales the others' weights to 100 %", () => {
    const grade = gradeScorecard([
      rowScoring("api", 100),
      rowScoring("cache", 80),
      rowScoring("cost", 100),
      rowScoring("resources", 100),
    ]);
    const throughput = grade.categories.find((c) => c.category === "throughput")!;
    expect(throughput).toMatchObject({ score: undefined, weighted: undefined });
    // 30, 25, 20, 10 of 85: 35.3 + 23.5 + 23.5 + 11.8
    expect(grade.categories.map((c) => c.weighted)).toEqual([35.3, 23.5, 23.5, undefined, 11.8]);
    expect(grade.total).toBe(94.1);
  });

  it("the total is the sum of the weighted column, whatever the scores", () => {
    const categories = GRADE_CATEGORIES.map((c) => c.category);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...categories), fc.integer({ min: 0, max: 1_000 })), {
          minLength: 1,
        }),
        (picks) => {
          const grade = gradeScorecard(picks.map(([c, tenths]) => rowScoring(c, tenths / 10)));
          const sum = grade.categories.reduce((a, c) => a + Math.round((c.weighted ?? 0) * 10), 0) / 10;
          expect(grade.total).toBe(sum);
          expect(grade.total).toBeGreaterThanOrEqual(0);
          expect(grade.total).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("letters follow the bands: 95 A+, 90 A, 80 B, 70 C, 60 D, below F", () => {
    expect([100, 95, 94.9, 90, 80, 70, 60, 59.9, 0].map((t) => letterFor(t))).toEqual([
      "A+",
      "A+",
      "A",
      "A",
      "B",
      "C",
      "D",
      "F",
      "F",
    ]);
  });

  it("a simulated run scores 11 targets (the 3 load rows are not run); a real run with load scores all 14", () => {
    const simulated = gradeScorecard(evaluateScorecard(publishedLikeResults()));
    expect([simulated.targetsMet, simulated.targetsScored]).toEqual([11, 11]);
    const real = gradeScorecard(evaluateScorecard(realRunResults()));
    expect([real.targetsMet, real.targetsScored]).toEqual([14, 14]);
    expect(real.categories.every((c) => c.score !== undefined)).toBe(true);
  });
});
