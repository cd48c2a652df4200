import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SCORE_POINTS,
  scoreLead,
  TEMPERATURE_THRESHOLDS,
  temperatureOf,
} from "../../src/domain/lead-scoring.ts";
import type { Qualification } from "../../src/ports/qualification.ts";
import { qualificationArb, textArb } from "./qualification-arbitrary.ts";

const base: Qualification = {
  intent: "buy",
  intentConfidence: 0.9,
  timeline: "unknown",
  financing: "unknown",
};

describe("scoreLead: examples", () => {
  it("rates a pre-approved buyer with a $600k budget moving within 2 months in Austin hot", () => {
    const r = scoreLead({
      ...base,
      timeline: "0-3m",
      financing: "pre_approved",
      budgetMin: 500_000,
      budgetMax: 600_000,
      location: "Austin, TX",
    });
    expect(r.temperature).toBe("hot");
    expect(r.score).toBe(10 + 14 + 25 + 22 + 10 + 5);
  });

  it("rates someone just browsing cold, whatever else they said", () => {
    const r = scoreLead({
      ...base,
      intent: "browsing",
      timeline: "0-3m",
      financing: "cash",
      location: "Austin",
    });
    expect(r).toMatchObject({ score: 0, temperature: "cold" });
  });

  it("rates a seller with a reason and a 3-6 month timeline warm", () => {
    const r = scoreLead({
      ...base,
      intent: "sell",
      intentConfidence: 0.8,
      timeline: "3-6m",
      sellerReason: "relocating",
    });
    expect(r).toMatchObject({ score: 10 + 12 + 15 + 15, temperature: "warm" });
  });

  it("scores a lead who buys and sells on the better side, plus a bonus", () => {
    const q: Qualification = {
      ...base,
      intent: "both",
      intentConfidence: 1,
      sellerReason: "upsizing",
      priceExpectation: 1,
    };
    const r = scoreLead(q);
    expect(r.score).toBe(10 + 15 + 15 + 12 + SCORE_POINTS.bothSides);
    expect(r.factors.map((f) => f.name)).toContain("sellerReason");
    expect(r.factors.at(-1)).toMatchObject({ name: "bothSides", points: 5 });
  });

  it("lowers the score of a lead who already has an agent, never below zero", () => {
    expect(scoreLead({ ...base, hasAgent: true }).score).toBe(scoreLead(base).score - 10);
    expect(scoreLead({ ...base, intent: "unknown", hasAgent: true }).score).toBe(0);
  });

  it("counts cash and pre-approval alike", () => {
    expect(scoreLead({ ...base, financing: "cash" }).score).toBe(
      scoreLead({ ...base, financing: "pre_approved" }).score,
    );
  });

  it("explains itself: the factors add up to the score", () => {
    const r = scoreLead({ ...base, timeline: "3-6m", financing: "pre_qualified", motivation: "new job" });
    expect(r.factors.reduce((s, f) => s + f.points, 0)).toBe(r.score);
    expect(r.factors.find((f) => f.name === "timeline")).toEqual({
      name: "timeline",
      points: 15,
      detail: "timeline 3-6m",
    });
  });

  it("reaches exactly 100 with every best answer", () => {
    const best: Qualification = {
      ...base,
      intent: "both",
      intentConfidence: 1,
      timeline: "0-3m",
      financing: "cash",
      budgetMax: 1,
      location: "x",
      motivation: "x",
      propertyType: "x",
      hasAgent: false,
    };
    expect(scoreLead(best).score).toBe(100);
  });
});

/** One factor's values from worst to best: each step may never lower the score. */
const ORDERS: Array<[string, (q: Qualification, rank: number) => Qualification, number]> = [
  [
    "intent (browsing < unknown < buy < both)",
    (q, i) => ({ ...q, intent: (["browsing", "unknown", "buy", "both"] as const)[i] ?? "both" }),
    4,
  ],
  [
    "intent (browsing < unknown < sell < both)",
    (q, i) => ({ ...q, intent: (["browsing", "unknown", "sell", "both"] as const)[i] ?? "both" }),
    4,
  ],
  ["timeline", (q, i) => ({ ...q, timeline: (["unknown", "6m+", "3-6m", "0-3m"] as const)[i] ?? "0-3m" }), 4],
  [
    "financing",
    (q, i) => ({
      ...q,
      financing: (["unknown", "not_started", "pre_qualified", "pre_approved", "cash"] as const)[i] ?? "cash",
    }),
    5,
  ],
  ["hasAgent (true < unset < false)", (q, i) => ({ ...q, hasAgent: [true, undefined, false][i] }), 3],
  [
    "propertyCondition (unknown < known)",
    (q, i) => ({ ...q, propertyCondition: i === 0 ? "unknown" : "needs_work" }),
    2,
  ],
];
const PRESENCE = [
  "budgetMin",
  "budgetMax",
  "priceExpectation",
  "motivation",
  "location",
  "propertyType",
  "sellerReason",
] as const;

describe("scoreLead: properties", () => {
  it.each(ORDERS)("property: a better %s never lowers the score", (_name, set, ranks) => {
    fc.assert(
      fc.property(qualificationArb, fc.integer({ min: 0, max: ranks - 2 }), (q, i) => {
        expect(scoreLead(set(q, i + 1)).score).toBeGreaterThanOrEqual(scoreLead(set(q, i)).score);
      }),
      { numRuns: 200 },
    );
  });

  it("property: knowing a detail (budget, price, motivation, location, type, reason) never lowers the score", () => {
    fc.assert(
      fc.property(qualificationArb, fc.constantFrom(...PRESENCE), textArb, (q, field, text) => {
        const without = { ...q, [field]: undefined };
        const withIt = {
          ...q,
          [field]: field.startsWith("budget") || field === "priceExpectation" ? 400_000 : text,
        };
        expect(scoreLead(withIt).score).toBeGreaterThanOrEqual(scoreLead(without).score);
      }),
      { numRuns: 200 },
    );
  });

  it("property: more intent confidence never lowers the score", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(qualificationArb, unit, unit, (q, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(scoreLead({ ...q, intentConfidence: hi }).score).toBeGreaterThanOrEqual(
          scoreLead({ ...q, intentConfidence: lo }).score,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("property: the score is an integer in [0, 100] and its temperature follows the thresholds", () => {
    fc.assert(
      fc.property(qualificationArb, (q) => {
        const { score, temperature } = scoreLead(q);
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        expect(temperature).toBe(temperatureOf(score));
      }),
      { numRuns: 200 },
    );
  });

  it("property: temperature is monotone in score (cold < warm < hot)", () => {
    const rank = { cold: 0, warm: 1, hot: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[temperatureOf(hi)]).toBeGreaterThanOrEqual(rank[temperatureOf(lo)]);
      }),
      { numRuns: 200 },
    );
  });

  it("takes its thresholds as data: hot at 70, warm at 40 by default, overridable", () => {
    expect(TEMPERATURE_THRESHOLDS).toEqual({ hot: 70, warm: 40 });
    expect([temperatureOf(69), temperatureOf(70), temperatureOf(39), temperatureOf(40)]).toEqual([
      "warm",
      "hot",
      "cold",
      "warm",
    ]);
    expect(temperatureOf(60, { hot: 60, warm: 30 })).toBe("hot");
  });
});
