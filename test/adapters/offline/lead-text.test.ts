import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctTypos, isOneSlipAway } from "../../../src/adapters/offline/correct-typos.ts";
import { prepareLeadText } from "../../../src/adapters/offline/lead-text.ts";
import { spellOutNumbers } from "../../../src/adapters/offline/number-words.ts";

describe("correctTypos", () => {
  it.each([
    ["bugdet", "budget"],
    ["preaproved", "preapproved"],
    ["pre-aproved", "pre-approved"],
    ["mortage", "mortgage"],
    ["relocting", "relocating"],
    ["realtor relator realter", "realtor realtor realtor"],
    ["townhose", "townhouse"],
    ["lookng", "looking"],
    ["budjet", "budget"],
  ])("repairs %s", (typed, meant) => {
    expect(correctTypos(typed)).toBe(meant);
  });

  it.each(["telling", "north", "booking", "round", "tender", "hours", "sellers"])(
    "leaves the real word %s alone",
    (word) => {
      expect(correctTypos(word)).toBe(word);
    },
  );

  it("one slip is symmetric: a → b exactly when b → a", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,8}$/), fc.stringMatching(/^[a-z]{0,8}$/), (a, b) => {
        expect(isOneSlipAway(a, b)).toBe(isOneSlipAway(b, a));
      }),
      { numRuns: 200 },
    );
  });

  it("deleting any one letter of a word is one slip away from it", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2,10}$/), fc.nat(), (word, k) => {
        const i = k % word.length;
        const shorter = word.slice(0, i) + word.slice(i + 1);
        expect(isOneSlipAway(shorter, word)).toBe(shorter !== word);
      }),
      { numRuns: 200 },
    );
  });
});

describe("spellOutNumbers", () => {
  it.each([
    ["three bedrooms", "3 bedrooms"],
    ["twenty-five", "25"],
    ["tres recámaras", "3 recámaras"],
    ["half a million", "500k"],
    ["about a million", "about 1m"],
    ["one and a half million", "1.5m"],
    ["a couple of months", "2 months"],
    ["someone", "someone"],
  ])("turns %s into %s", (words, digits) => {
    expect(spellOutNumbers(words)).toBe(digits);
  });
});

describe("prepareLeadText", () => {
  it("keeps the casing of names and places in `original`", () => {
    const text = prepareLeadText("  I’m  José — near   Nguyễn’s place ");
    expect(text.original).toBe("I'm José - near Nguyễn's place");
    expect(text.folded).toBe("i'm josé - near nguyễn's place");
  });

  it("notices shouting", () => {
    expect(prepareLeadText("LOOKING FOR A CONDO IN MIAMI").shouting).toBe(true);
    expect(prepareLeadText("Looking for a condo in Miami, ASAP").shouting).toBe(false);
  });
});
