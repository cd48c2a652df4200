/**
 * Lead scoring: how ready a qualified lead is to transact, 0..100, and a temperature for the team.
 *
 * | factor            | counts for      | points                                                           |
 * |-------------------|-----------------|------------------------------------------------------------------|
 * | intent            | everyone        | buy / sell / both 10 · browsing / unknown 0                      |
 * | intentConfidence  | buy, sell, both | round(15 × confidence)                                           |
 * | timeline          | buyer + seller  | 0-3m 25 · 3-6m 15 · 6m+ 5 · unknown 0                            |
 * | financing         | buyer           | cash 22 = pre_approved 22 · pre_qualified 14 · not_started 4 · unknown 0 |
 * | budget            | buyer           | 10 when budgetMin or budgetMax is known                          |
 * | location          | buyer + seller  | 5 when known                                                     |
 * | motivation        | buyer + seller  | 5 when known                                                     |
 * | propertyType      | buyer           | 3 when known                                                     |
 * | sellerReason      | seller          | 15 when known                                                    |
 * | priceExpectation  | seller          | 12 when known                                                    |
 * | propertyCondition | seller          | 8 when known (any value but "unknown": knowing it is what counts) |
 * | bothSides         | both            | the better side's points + 5                                     |
 * | hasAgent          | everyone        | −10 when true (another agent already represents the lead)        |
 *
 * Each side sums to at most 70, so 10 + 15 + 70 + 5 = 100; the total is clamped to [0, 100].
 * No side is scored for browsing / unknown intent: such a lead is one to clarify, not to rank.
 * Every factor's points are monotone in its order (worst → best: unknown < weaker answer < stronger
 * answer, absent < present, hasAgent true < unset ≤ false, browsing ≤ unknown < buy, sell < both),
 * and sides combine by sum and max, so a strictly better answer never lowers the score.
 */
import type { Qualification } from "../ports/qualification.ts";

/** Points per factor, as the table above. */
export const SCORE_POINTS = Object.freeze({
  seriousIntent: 10,
  maxConfidence: 15,
  timeline: Object.freeze({ "0-3m": 25, "3-6m": 15, "6m+": 5, unknown: 0 }),
  financing: Object.freeze({ cash: 22, pre_approved: 22, pre_qualified: 14, not_started: 4, unknown: 0 }),
  budget: 10,
  location: 5,
  motivation: 5,
  propertyType: 3,
  sellerReason: 15,
  priceExpectation: 12,
  propertyCondition: 8,
  bothSides: 5,
  hasAgent: -10,
});

/**
 * Lowest score of each temperature. Hot (70) is reached by a confident (≥ 0.7) lead moving within
 * 3 months with money settled plus one more answer: call today. Warm (40) is a real intent plus a
 * 0-3 month timeline, settled money, or a few other answers: nurture. Below that: cold.
 */
export const TEMPERATURE_THRESHOLDS: Readonly<TemperatureThresholds> = Object.freeze({ hot: 70, warm: 40 });

/** Minimum scores for "hot" and "warm" (hot > warm). */
export interface TemperatureThresholds {
  hot: number;
  warm: number;
}

/** How soon the team should act on a lead. */
export type LeadTemperature = "hot" | "warm" | "cold";

/** One line of a score's explanation. */
export interface ScoreFactor {
  name: string;
  points: number;
  detail: string;
}

/** A lead's score (integer 0..100), temperature and the factors that made it. */
export interface LeadScore {
  score: number;
  temperature: LeadTemperature;
  factors: ScoreFactor[];
}

/** Scores a qualification by the table above; `factors` lists every factor that was evaluated. */
export function scoreLead(
  q: Qualification,
  thresholds: TemperatureThresholds = TEMPERATURE_THRESHOLDS,
): LeadScore {
  const serious = q.intent === "buy" || q.intent === "sell" || q.intent === "both";
  const factors: ScoreFactor[] = [
    { name: "intent", points: serious ? SCORE_POINTS.seriousIntent : 0, detail: `intent ${q.intent}` },
  ];
  if (serious) {
    const confidence = q.intentConfidence > 0 ? Math.min(q.intentConfidence, 1) : 0;
    const points = Math.round(SCORE_POINTS.maxConfidence * confidence);
    factors.push({ name: "intentConfidence", points, detail: `confidence ${confidence}` });
    factors.push(...sideFactors(q));
  }
  if (q.hasAgent === true) {
    factors.push({ name: "hasAgent", points: SCORE_POINTS.hasAgent, detail: "already works with an agent" });
  }
  const total = sum(factors);
  const score = Math.min(100, Math.max(0, total));
  return { score, temperature: temperatureOf(score, thresholds), factors };
}

/** The temperature of a score: hot at or above `hot`, warm at or above `warm`, else cold. */
export function temperatureOf(
  score: number,
  thresholds: TemperatureThresholds = TEMPERATURE_THRESHOLDS,
): LeadTemperature {
  if (score >= thresholds.hot) return "hot";
  return score >= thresholds.warm ? "warm" : "cold";
}

function sideFactors(q: Qualification): ScoreFactor[] {
  if (q.intent === "buy") return buyerFactors(q);
  if (q.intent === "sell") return sellerFactors(q);
  const buyer = buyerFactors(q);
  const seller = sellerFactors(q);
  const sellerBetter = sum(seller) > sum(buyer);
  const detail = `buying and selling: scored on the ${sellerBetter ? "seller" : "buyer"} side`;
  return [...(sellerBetter ? seller : buyer), { name: "bothSides", points: SCORE_POINTS.bothSides, detail }];
}

function buyerFactors(q: Qualification): ScoreFactor[] {
  const budgetKnown = q.budgetMin !== undefined || q.budgetMax !== undefined;
  return [
    { name: "timeline", points: SCORE_POINTS.timeline[q.timeline] ?? 0, detail: `timeline ${q.timeline}` },
    {
      name: "financing",
      points: SCORE_POINTS.financing[q.financing] ?? 0,
      detail: `financing ${q.financing}`,
    },
    known("budget", budgetKnown, SCORE_POINTS.budget),
    known("location", isText(q.location), SCORE_POINTS.location),
    known("motivation", isText(q.motivation), SCORE_POINTS.motivation),
    known("propertyType", isText(q.propertyType), SCORE_POINTS.propertyType),
  ];
}

function sellerFactors(q: Qualification): ScoreFactor[] {
  const conditionKnown = q.propertyCondition !== undefined && q.propertyCondition !== "unknown";
  return [
    { name: "timeline", points: SCORE_POINTS.timeline[q.timeline] ?? 0, detail: `timeline ${q.timeline}` },
    known("sellerReason", isText(q.sellerReason), SCORE_POINTS.sellerReason),
    known("priceExpectation", q.priceExpectation !== undefined, SCORE_POINTS.priceExpectation),
    known("propertyCondition", conditionKnown, SCORE_POINTS.propertyCondition),
    known("location", isText(q.location), SCORE_POINTS.location),
    known("motivation", isText(q.motivation), SCORE_POINTS.motivation),
  ];
}

function known(name: string, isKnown: boolean, points: number): ScoreFactor {
  return { name, points: isKnown ? points : 0, detail: `${name} ${isKnown ? "known" : "unknown"}` };
}

function isText(s: string | undefined): boolean {
  return s !== undefined && s.trim() !== "";
}

function sum(factors: readonly ScoreFactor[]): number {
  return factors.reduce((total, f) => total + f.points, 0);
}
