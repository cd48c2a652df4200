import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkFairHousing,
  FAIR_HOUSING_REFERRAL,
  rewriteForFairHousing,
  withReferral,
} from "../../../src/domain/compliance/fair-housing.ts";
import { FLAGGED, NOT_FLAGGED } from "./fair-housing.fixtures.ts";

const categoriesOf = (text: string): string[] => {
  const check = checkFairHousing(text);
  return check.ok ? [] : check.findings.map((f) => f.category);
};

describe("checkFairHousing", () => {
  it("has a fixture set of at least 40 phrases, 12 or more of them legitimate", () => {
    expect(FLAGGED.length + NOT_FLAGGED.length).toBeGreaterThanOrEqual(40);
    expect(NOT_FLAGGED.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FLAGGED)("flags $text as $expected", ({ text, expected }) => {
    expect(categoriesOf(text)).toContain(expected);
  });

  it.each(NOT_FLAGGED)("lets the property feature pass: $text", ({ text }) => {
    expect(checkFairHousing(text)).toEqual({ ok: true });
  });

  it("reports each phrase as written, with its category and its index in the whole reply", () => {
    const text = "Lovely 3-bed home. It's in a Safe Neighborhood with good schools!";
    expect(checkFairHousing(text)).toEqual({
      ok: false,
      findings: [
        { phrase: "Safe Neighborhood", category: "crime_safety", index: text.indexOf("Safe") },
        { phrase: "good schools", category: "schools", index: text.indexOf("good schools") },
      ],
    });
  });

  it("matches within one sentence, never across a line or sentence break", () => {
    expect(categoriesOf("Keep it safe neighborhood-wise")).toEqual(["crime_safety"]);
    expect(checkFairHousing("Keep it safe\nNeighborhood watch meets Mondays.")).toEqual({ ok: true });
    expect(checkFairHousing("Keep it safe. Neighborhood watch meets Mondays.")).toEqual({ ok: true });
  });

  it("lets the referral sentence itself pass", () => {
    expect(checkFairHousing(FAIR_HOUSING_REFERRAL)).toEqual({ ok: true });
  });
});

describe("rewriteForFairHousing", () => {
  it("drops the offending sentence and appends the referral", () => {
    const text = "The kitchen was redone in 2024. It's a very safe area! Showings are on Saturdays.";
    expect(rewriteForFairHousing(text)).toBe(
      `The kitchen was redone in 2024. Showings are on Saturdays. ${FAIR_HOUSING_REFERRAL}`,
    );
  });

  it("ends an unfinished last sentence before the referral", () => {
    expect(rewriteForFairHousing("Great schools nearby.\nCall me back")).toBe(
      `Call me back. ${FAIR_HOUSING_REFERRAL}`,
    );
  });

  it("answers with the referral alone when every sentence steers", () => {
    expect(rewriteForFairHousing("Perfect for families. Low crime.")).toBe(FAIR_HOUSING_REFERRAL);
  });

  it("does not add the referral twice", () => {
    const text = `Good schools here. ${FAIR_HOUSING_REFERRAL}`;
    expect(rewriteForFairHousing(text)).toBe(FAIR_HOUSING_REFERRAL);
    expect(withReferral(FAIR_HOUSING_REFERRAL)).toBe(FAIR_HOUSING_REFERRAL);
  });

  it("returns a compliant reply unchanged", () => {
    const text = "It has a walk-in closet and a great view.\n";
    expect(rewriteForFairHousing(text)).toBe(text);
  });
});

const phrase = fc.constantFrom(...[...FLAGGED, ...NOT_FLAGGED].map((f) => f.text), FAIR_HOUSING_REFERRAL);
const fragment = fc.oneof(
  phrase,
  fc.constantFrom("safe", "neighborhood", "good", "schools", "families", "perfect for", "Christian", "area"),
  fc.string({ maxLength: 12 }),
);
const separator = fc.constantFrom(" ", "  ", "\n", ". ", "! ", "? ", ", ", "", "\n\n", "… ");
const reply = fc
  .array(fc.tuple(fragment, separator), { maxLength: 8 })
  .map((parts) => parts.map(([text, sep]) => text + sep).join(""));

describe("rewriteForFairHousing properties", () => {
  it("a rewritten reply always passes checkFairHousing", () => {
    fc.assert(
      fc.property(reply, (text) => {
        expect(checkFairHousing(rewriteForFairHousing(text))).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it("rewriting is idempotent: rewrite(rewrite(x)) === rewrite(x)", () => {
    fc.assert(
      fc.property(reply, (text) => {
        const once = rewriteForFairHousing(text);
        expect(rewriteForFairHousing(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("a reply without findings is returned unchanged", () => {
    fc.assert(
      fc.property(reply, (text) => {
        fc.pre(checkFairHousing(text).ok);
        expect(rewriteForFairHousing(text)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("a rewritten reply that had findings and no referral ends with exactly one referral", () => {
    fc.assert(
      fc.property(reply, (text) => {
        fc.pre(!checkFairHousing(text).ok && !text.includes(FAIR_HOUSING_REFERRAL));
        const out = rewriteForFairHousing(text);
        expect(out.endsWith(FAIR_HOUSING_REFERRAL)).toBe(true);
        expect(out.split(FAIR_HOUSING_REFERRAL)).toHaveLength(2);
      }),
      { numRuns: 200 },
    );
  });
});
