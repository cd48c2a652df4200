import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractIntent } from "../../../src/adapters/offline/extract-intent.ts";
import { prepareLeadText } from "../../../src/adapters/offline/lead-text.ts";

const intentOf = (...messages: string[]) => extractIntent(messages.map((m) => prepareLeadText(m).folded));

describe("extractIntent", () => {
  it("is sure of an explicit buyer", () => {
    const reading = intentOf("we want to buy a 3 bed");
    expect(reading.intent).toBe("buy");
    expect(reading.intentConfidence).toBeGreaterThanOrEqual(0.8);
  });

  it("puts a hedged seller just over the handoff threshold", () => {
    const reading = intentOf("thinking about maybe selling next year");
    expect(reading.intent).toBe("sell");
    expect(reading.intentConfidence).toBeGreaterThanOrEqual(0.7);
    expect(reading.intentConfidence).toBeLessThanOrEqual(0.75);
  });

  it("keeps a mere hint below the handoff threshold", () => {
    const reading = intentOf("what's the budget range for homes around here?");
    expect(reading.intent).toBe("buy");
    expect(reading.intentConfidence).toBeLessThan(0.7);
  });

  it("reads browsing, and explicit words over a 'just looking'", () => {
    expect(intentOf("just looking").intent).toBe("browsing");
    expect(intentOf("just browsing, window shopping really").intent).toBe("browsing");
    expect(intentOf("just looking for a 3br condo to buy").intent).toBe("buy");
    expect(intentOf("just looking, but we're ready to buy this spring").intent).toBe("buy");
  });

  it("reads both sides across messages", () => {
    const reading = intentOf("We have to sell our townhouse", "and then we want to buy a single-family");
    expect(reading.intent).toBe("both");
    expect(reading.intentConfidence).toBeGreaterThanOrEqual(0.8);
  });

  it("ignores denied intents", () => {
    expect(intentOf("We're not selling, we want to buy").intent).toBe("buy");
    expect(intentOf("we don't want to buy, we need to sell our condo").intent).toBe("sell");
  });

  it("does not read 'telling' as 'selling' or 'seller' as a sale", () => {
    expect(intentOf("I'm telling you, the seller wants too much").intent).toBe("unknown");
  });

  it("is unknown, with low confidence, when nothing is said", () => {
    expect(intentOf("Hello")).toEqual({ intent: "unknown", intentConfidence: 0.2 });
    expect(intentOf()).toEqual({ intent: "unknown", intentConfidence: 0 });
  });

  it("keeps confidence in [0, 1] for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 5 }), (messages) => {
        const { intentConfidence } = intentOf(...messages);
        expect(intentConfidence).toBeGreaterThanOrEqual(0);
        expect(intentConfidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("repeating a stated intent never lowers confidence in it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("we want to buy a house", "we need to sell our condo", "maybe selling"),
        fc.integer({ min: 1, max: 5 }),
        (said, times) => {
          const once = intentOf(said).intentConfidence;
          expect(
            intentOf(...Array.from({ length: times }, () => said)).intentConfidence,
          ).toBeGreaterThanOrEqual(once);
        },
      ),
      { numRuns: 200 },
    );
  });
});
