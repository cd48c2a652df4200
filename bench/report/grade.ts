/**
 * The weighted grade of section 1. The report shows category scores and weights but not how a score
 * follows from the margins, so the rule is ours and stated in one place (SCORE_RULE in thresholds.ts):
 * 1. each scored row: clamp(60 + 40 · headroom / 0.5, 0, 100), i.e. a bare pass is 60, 50 % headroom
 *    or more is 100, a miss scores below 60;
 * 2. a category: the mean of its rows, one decimal; a category with no row measured is left out and
 *    the remaining weights are scaled up to 100 %;
 * 3. the total: the sum of score × weight over the scored categories, each rounded to one decimal first,
 *    so the published table adds up exactly (98 × 30 % = 29.4 ... 95.6).
 * Arithmetic is in integer tenths so a tie like 97 × 15 % = 14.55 rounds up, as the report does.
 */
import { GRADE_BANDS, GRADE_CATEGORIES, SCORE_RULE } from "../thresholds.ts";
import type { CategoryScore, Grade, GradeCategory, ScorecardRow } from "./report-model.ts";

/** A row's 0..100 score from its relative headroom (negative when the target was missed). */
export function scoreFromHeadroom(headroom: number): number {
  const { barePass, fullMarksHeadroom } = SCORE_RULE;
  const score = barePass + ((100 - barePass) * headroom) / fullMarksHeadroom;
  return Math.min(100, Math.max(0, score));
}

/** The letter of `total`: the first band (highest first) whose minimum it reaches. */
export function letterFor(
  total: number,
  bands: readonly { min: number; letter: string }[] = GRADE_BANDS,
): string {
  return bands.find((band) => total >= band.min)?.letter ?? "F";
}

/** Tenths of a point, rounded half up. */
const tenths = (x: number): number => Math.round(x * 10);

/** The grade of scored scorecard rows under `categories` (section 1's weights by default). */
export function gradeScorecard(
  rows: readonly ScorecardRow[],
  categories: readonly { category: GradeCategory; label: string; weightPercent: number }[] = GRADE_CATEGORIES,
): Grade {
  const scoredTenths = categories.map(({ category }) => {
    const scores = rows.flatMap((r) =>
      r.category === category && r.headroom !== undefined ? [scoreFromHeadroom(r.headroom)] : [],
    );
    return scores.length === 0 ? undefined : tenths(scores.reduce((a, b) => a + b, 0) / scores.length);
  });
  const scoredWeight = categories.reduce(
    (sum, c, i) => sum + (scoredTenths[i] === undefined ? 0 : c.weightPercent),
    0,
  );
  const scored: CategoryScore[] = categories.map((c, i) => {
    const score = scoredTenths[i];
    const weighted =
      score === undefined ? undefined : Math.round((score * c.weightPercent) / scoredWeight) / 10;
    return {
      category: c.category,
      label: c.label,
      score: score === undefined ? undefined : score / 10,
      weightPercent: c.weightPercent,
      weighted,
    };
  });
  const totalTenths = scored.reduce(
    (sum, c) => sum + (c.weighted === undefined ? 0 : Math.round(c.weighted * 10)),
    0,
  );
  const total = totalTenths / 10;
  const judged = rows.filter((r) => r.status !== "NOT RUN");
  return {
    categories: scored,
    total,
    letter: letterFor(total),
    targetsMet: judged.filter((r) => r.status === "PASS").length,
    targetsScored: judged.length,
  };
}
