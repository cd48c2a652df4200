import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractMoney } from "../../../src/adapters/offline/extract-budget.ts";
import { prepareLeadText } from "../../../src/adapters/offline/lead-text.ts";
import { findMoneyMentions } from "../../../src/adapters/offline/money-mentions.ts";

const amounts = (text: string) => findMoneyMentions(prepareLeadText(text).folded).map((m) => [m.min, m.max]);
const money = (intent: "buy" | "sell" | "both", ...messages: string[]) =>
  extractMoney(
    messages.map((m) => prepareLeadText(m).folded),
    intent,
  );

describe("findMoneyMentions", () => {
  it.each([
    ["$450k", [[450_000, 450_000]]],
    ["450,000", [[450_000, 450_000]]],
    ["$1.2M", [[1_200_000, 1_200_000]]],
    ["2 million dollars", [[2_000_000, 2_000_000]]],
    ["around half a million", [[500_000, 500_000]]],
    ["a million and a half", [[1_500_000, 1_500_000]]],
    ["between 400 and 500k", [[400_000, 500_000]]],
    ["350-400k", [[350_000, 400_000]]],
    ["900k to 1.1m", [[900_000, 1_100_000]]],
    ["900-1.1m", [[900_000, 1_100_000]]],
    ["budget is 450", [[450_000, 450_000]]],
    ["in the 300s", [[300_000, 399_000]]],
    ["in the high 400s", [[466_000, 499_000]]],
  ])("reads %s", (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it.each([
    ["bedrooms and baths", "3 bed 2 bath"],
    ["days", "within 90 days"],
    ["a zip code", "homes in 78704"],
    ["a monthly rent", "we pay $2,100/month"],
    ["an income", "we make 150k a year"],
    ["a down payment", "we have $40,000 down"],
    ["acres", "around 10 acres"],
    ["a year", "budget in 2025"],
  ])("ignores %s", (_what, text) => {
    expect(amounts(text)).toEqual([]);
  });

  it("reads any '$<n>k' back as n thousand dollars", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 9_999 }), (n) => {
        expect(amounts(`budget $${n}k`)).toEqual([[n * 1_000, n * 1_000]]);
      }),
      { numRuns: 200 },
    );
  });

  it("reads any comma-grouped dollar amount back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 50_000_000 }), (n) => {
        expect(amounts(`about $${n.toLocaleString("en-US")} total`)).toEqual([[n, n]]);
      }),
      { numRuns: 200 },
    );
  });

  it("a range's min never exceeds its max, whichever order the lead wrote it in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 990 }), fc.integer({ min: 100, max: 990 }), (a, b) => {
        for (const m of findMoneyMentions(`between ${a}k and ${b}k`))
          expect(m.min).toBeLessThanOrEqual(m.max);
      }),
      { numRuns: 200 },
    );
  });
});

describe("extractMoney", () => {
  it.each([
    ["under 1.2m", { budgetMax: 1_200_000 }],
    ["up to $600K", { budgetMax: 600_000 }],
    ["at least 300k", { budgetMin: 300_000 }],
    ["around half a million", { budgetMin: 450_000, budgetMax: 550_000 }],
    ["budget is 350-400k", { budgetMin: 350_000, budgetMax: 400_000 }],
    ["$450k", { budgetMax: 450_000 }],
  ])("reads a buyer's %s as their budget", (text, expected) => {
    expect(money("buy", text)).toEqual(expected);
  });

  it.each([
    ["hoping to get 700k", 700_000],
    ["it's worth about $850,000", 850_000],
    ["we'd list it at 525k", 525_000],
    ["Zestimate says 610k", 610_000],
  ])("reads a seller's %s as their price", (text, price) => {
    expect(money("sell", text)).toEqual({ priceExpectation: price });
  });

  it("reads a bare amount from a seller as their price, from a buyer as their budget", () => {
    expect(money("sell", "500k")).toEqual({ priceExpectation: 500_000 });
    expect(money("buy", "500k")).toEqual({ budgetMax: 500_000 });
  });

  it("tells apart the price of the home sold and the budget of the one bought", () => {
    expect(money("both", "sell our condo for about 400k and buy something up to 650k")).toEqual({
      priceExpectation: 400_000,
      budgetMax: 650_000,
    });
  });

  it("applies 'actually make that' to the amount given just before", () => {
    expect(money("buy", "budget 400k", "actually make that 500k")).toEqual({ budgetMax: 500_000 });
    expect(money("both", "we'd like to get 700k for our house", "actually make that 650k")).toEqual({
      priceExpectation: 650_000,
    });
  });

  it("combines a floor and a ceiling given separately", () => {
    expect(money("buy", "at least 300k", "but no more than 450k")).toEqual({
      budgetMin: 300_000,
      budgetMax: 450_000,
    });
  });

  it("keeps what is owed on the mortgage apart from the price", () => {
    expect(money("sell", "hoping for 600k, we still owe 200k")).toEqual({
      priceExpectation: 600_000,
      mortgageBalance: 200_000,
    });
  });
});
