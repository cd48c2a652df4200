import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUYER_STEPS, SHOWING_OFFER } from "../../../src/adapters/offline/buyer-reply.ts";
import { writeReply } from "../../../src/adapters/offline/reply-writer.ts";
import { conversation, sentenceCount } from "./conversation.ts";

const buyer = (...turns: string[]) => writeReply("buyer", conversation(...turns));
const questionsOf = (topic: string) => BUYER_STEPS.find((s) => s.topic === topic)?.questions ?? [];

/** A fact a buyer may state, and the topic it answers. */
const FACTS = [
  ["budget", "our budget is up to $450k"],
  ["financing", "we're pre-approved"],
  ["location", "we're looking in Austin"],
  ["timeline", "we'd like to move within 3 months"],
  ["mustHaves", "a garage is a must"],
] as const;

describe("the Buyer bot", () => {
  it("greets a new lead and starts with the budget", () => {
    expect(buyer("Hi, we want to buy a home")).toBe(
      "Hi, thanks for reaching out! What price range are you comfortable with?",
    );
  });

  it("asks in order: budget, financing, areas, home, must-haves, timeline", () => {
    expect(buyer("We want to buy", "What price range are you comfortable with?", "up to 450k")).toBe(
      "Got it — your budget is up to $450k. Have you been pre-approved for a mortgage yet, or will you be paying cash?",
    );
    expect(buyer("We want to buy, up to 450k, pre-approved")).toContain(
      "Which areas or neighborhoods are you focused on?",
    );
    expect(buyer("Buying, up to 450k, pre-approved, in Austin")).toContain(
      "single-family, condo or townhouse",
    );
    expect(buyer("Buying a 3 bed condo, up to 450k, pre-approved, in Austin")).toContain("Any must-haves");
    expect(buyer("Buying a 3 bed condo, up to 450k, pre-approved, in Austin, need a garage")).toContain(
      "When are you hoping to move?",
    );
  });

  it("asks only for the missing half of the home: bedrooms or type", () => {
    expect(buyer("Buying a condo, up to 450k, pre-approved, in Austin")).toContain(
      "How many bedrooms do you need?",
    );
    expect(buyer("Buying a 3 bed, up to 450k, pre-approved, in Austin")).toContain(
      "Are you after a single-family home, a condo or a townhouse?",
    );
  });

  it("acknowledges what the lead just said", () => {
    const reply = buyer(
      "We want to buy",
      "What price range are you comfortable with?",
      "we're pre-approved for 500k in Denver",
    );
    expect(reply).toMatch(
      /^Got it — your budget is up to \$500k, you're pre-approved and you're focused on Denver\./,
    );
  });

  it("never re-asks a fact the lead already gave", () => {
    fc.assert(
      fc.property(fc.subarray([...FACTS], { minLength: 1 }), (given) => {
        const reply = buyer(`We want to buy a 3 bed condo. ${given.map(([, said]) => said).join(". ")}.`);
        for (const [topic] of given) for (const q of questionsOf(topic)) expect(reply).not.toContain(q);
      }),
      { numRuns: 200 },
    );
  });

  it("offers to book a showing once qualified", () => {
    const reply = buyer(
      "We want to buy a 3 bed condo in Austin, up to $450k, pre-approved, need a garage, moving within 3 months",
    );
    expect(reply).toContain(`${SHOWING_OFFER} of homes that fit in Austin?`);
  });

  it("confirms when the lead accepts the showing", () => {
    const offer = `${SHOWING_OFFER} of homes that fit in Austin?`;
    const reply = buyer(
      "We want to buy a 3 bed condo in Austin, up to $450k, pre-approved, no must-haves, asap",
      offer,
      "Yes please!",
    );
    expect(reply).toContain("An agent will reach out shortly to confirm times for your showings.");
  });

  it("does not ask a question twice when the lead skips it, and offers a call when it runs out", () => {
    let turns = ["Hi"];
    const asked: string[] = [];
    for (let i = 0; i < 7; i++) {
      const reply = buyer(...turns);
      asked.push(reply);
      turns = [...turns, reply, "not sure"];
    }
    const questions = asked.map((r) => r.replace(/^(?:Hi, thanks for reaching out!|Thanks\.) /, ""));
    expect(new Set(questions).size).toBe(questions.length);
    expect(asked.at(-1)).toContain("quick call with one of our agents");
  });

  it("keeps replies to one to three sentences", () => {
    for (const said of ["Hi", "We want to buy a 3 bed condo in Austin, up to $1.2M, pre-approved", ""]) {
      const n = sentenceCount(buyer(said));
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
  });
});
