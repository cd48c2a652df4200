import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractLeadFacts, readLeadFacts } from "../../../src/adapters/offline/lead-facts.ts";
import type { Qualification } from "../../../src/ports/qualification.ts";
import { LEAD_MESSAGES } from "./lead-messages.fixtures.ts";

const INTENTS = ["buy", "sell", "both", "browsing", "unknown"];
const TIMELINES = ["0-3m", "3-6m", "6m+", "unknown"];
const FINANCING = ["pre_approved", "pre_qualified", "cash", "not_started", "unknown"];
const CONDITIONS = ["excellent", "good", "fair", "needs_work", "unknown"];

/** The shape every model adapter must return: valid enums, confidence in [0, 1], sane numbers. */
function expectValidShape(q: Qualification): void {
  expect(INTENTS).toContain(q.intent);
  expect(TIMELINES).toContain(q.timeline);
  expect(FINANCING).toContain(q.financing);
  if (q.propertyCondition !== undefined) expect(CONDITIONS).toContain(q.propertyCondition);
  expect(q.intentConfidence).toBeGreaterThanOrEqual(0);
  expect(q.intentConfidence).toBeLessThanOrEqual(1);
  for (const n of [q.budgetMin, q.budgetMax, q.priceExpectation, q.bedrooms]) {
    if (n !== undefined) expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
  if (q.budgetMin !== undefined && q.budgetMax !== undefined)
    expect(q.budgetMin).toBeLessThanOrEqual(q.budgetMax);
  expect(Object.values(q)).not.toContain(undefined);
}

describe("extractLeadFacts reads realistic lead messages", () => {
  it("has at least 30 fixtures", () => {
    expect(LEAD_MESSAGES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(LEAD_MESSAGES.map((f) => [f.title, f] as const))("%s", (_title, fixture) => {
    const q = extractLeadFacts(fixture.messages);
    expect(q).toMatchObject(fixture.expected);
    if (fixture.confidence !== undefined) {
      expect(q.intentConfidence).toBeGreaterThanOrEqual(fixture.confidence[0]);
      expect(q.intentConfidence).toBeLessThanOrEqual(fixture.confidence[1]);
    }
    for (const field of fixture.absent ?? []) expect(q[field], field).toBeUndefined();
    expectValidShape(q);
  });

  it.each(LEAD_MESSAGES.filter((f) => f.name !== undefined).map((f) => [f.name, f] as const))(
    "greets %s by the name they gave",
    (name, fixture) => {
      expect(readLeadFacts(fixture.messages).name).toBe(name);
    },
  );
});

describe("the summary", () => {
  it("is one sentence built from the facts", () => {
    const q = extractLeadFacts([
      "We want to buy a 3 bed condo in Austin, up to $450k, pre-approved, within 90 days",
    ]);
    expect(q.summary).toBe(
      "Buyer looking for a 3-bedroom condo in Austin, budget up to $450k, pre-approved, moving within 3 months.",
    );
  });

  it("describes a seller's price, reason and condition", () => {
    const q = extractLeadFacts([
      "Divorce — need to sell our house in Tampa, it needs work, hoping to get 400k",
    ]);
    expect(q.summary).toBe(
      "Seller of a single-family home in Tampa, hoping for about $400k, reason to sell: divorce, home needing work.",
    );
  });

  it("says so when nothing is known", () => {
    expect(extractLeadFacts([]).summary).toBe("Intent not yet clear.");
  });
});

describe("facts the bots need beyond the qualification", () => {
  it("reads a seller's equity: paid off, or still owing", () => {
    expect(readLeadFacts(["We own it free and clear"]).equity).toBe("paid_off");
    expect(readLeadFacts(["We still owe about 200k on it"]).equity).toBe("mortgaged");
    expect(readLeadFacts(["Nice weather today"]).equity).toBeUndefined();
  });

  it("reads must-haves, and 'not picky' as none", () => {
    expect(readLeadFacts(["Must have a garage and a pool, 2 bath"]).mustHaves).toEqual([
      "garage",
      "pool",
      "2 bathrooms",
    ]);
    expect(readLeadFacts(["Honestly not picky"]).mustHaves).toEqual([]);
    expect(readLeadFacts(["Hi"]).mustHaves).toBeUndefined();
  });

  it("does not take a place name after 'I'm' as a place", () => {
    const facts = readLeadFacts(["hi i'm austin, looking to buy in dallas"]);
    expect(facts.qualification.location).toBe("Dallas");
  });
});

describe("properties of the extractor", () => {
  const leadish = fc.array(
    fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(...LEAD_MESSAGES.flatMap((f) => f.messages)),
      fc.stringMatching(/^[$0-9kKmM ,.\-a-z]{0,30}$/),
    ),
    { maxLength: 4 },
  );

  it("always returns a valid qualification, whatever the lead types", () => {
    fc.assert(
      fc.property(leadish, (messages) => expectValidShape(extractLeadFacts(messages))),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same messages give the same qualification", () => {
    fc.assert(
      fc.property(leadish, (messages) => {
        expect(extractLeadFacts(messages)).toEqual(extractLeadFacts([...messages]));
      }),
      { numRuns: 200 },
    );
  });

  it("the last budget stated wins", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 990 }), fc.integer({ min: 100, max: 990 }), (first, last) => {
        const q = extractLeadFacts([
          "We want to buy a house",
          `budget is up to $${first}k`,
          `budget is up to $${last}k`,
        ]);
        expect(q.budgetMax).toBe(last * 1_000);
      }),
      { numRuns: 200 },
    );
  });
});
