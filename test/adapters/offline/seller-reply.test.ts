import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeReply } from "../../../src/adapters/offline/reply-writer.ts";
import { SELLER_STEPS, VALUATION_OFFER } from "../../../src/adapters/offline/seller-reply.ts";
import { conversation, sentenceCount } from "./conversation.ts";

const seller = (...turns: string[]) => writeReply("seller", conversation(...turns));
const questionOf = (topic: string) => SELLER_STEPS.find((s) => s.topic === topic)?.questions[0] ?? "";

const FACTS = [
  ["reason", "we're downsizing"],
  ["timeline", "we'd like to be done within 60 days"],
  ["condition", "it's move-in ready"],
  ["price", "we're hoping to get 650k"],
  ["equity", "it's paid off"],
] as const;

describe("the Seller bot", () => {
  it("asks for the reason first", () => {
    expect(seller("We want to sell our house")).toBe(
      "Hi, thanks for reaching out! What's prompting the move?",
    );
  });

  it("asks in order: reason, timeline, condition, price, mortgage", () => {
    expect(seller("Selling our house, we're retiring")).toContain(questionOf("timeline"));
    expect(seller("Selling our house, we're retiring, asap")).toContain(questionOf("condition"));
    expect(seller("Selling our house, we're retiring, asap, it needs work")).toContain(questionOf("price"));
    expect(seller("Selling our house, we're retiring, asap, it needs work, hoping for 400k")).toContain(
      questionOf("equity"),
    );
  });

  it("acknowledges the seller's facts in a seller's words", () => {
    const reply = seller("We want to sell", questionOf("reason"), "job transfer, and it's in great shape");
    expect(reply).toMatch(/^Got it — the move is for a job transfer and the home is in good condition\./);
  });

  it("is kind about a bereavement", () => {
    expect(seller("My mom passed away and we need to sell her house")).toMatch(
      /^Hi, thanks for reaching out, and I'm sorry for your loss/,
    );
  });

  it("never re-asks a fact the lead already gave", () => {
    fc.assert(
      fc.property(fc.subarray([...FACTS], { minLength: 1 }), (given) => {
        const reply = seller(`We want to sell our house. ${given.map(([, said]) => said).join(". ")}.`);
        for (const [topic] of given) expect(reply).not.toContain(questionOf(topic));
      }),
      { numRuns: 200 },
    );
  });

  it("offers a valuation appointment once qualified, then confirms it", () => {
    const everything =
      "Selling our house in Boise: divorce, within 60 days, needs work, hoping for 400k, we still owe 150k";
    const offer = seller(everything);
    expect(offer).toContain(`${VALUATION_OFFER} for your home in Boise`);
    expect(seller(everything, offer, "sure")).toContain(
      "An agent will reach out shortly to schedule your valuation.",
    );
    expect(seller(everything, offer, "not yet")).toContain("No problem");
  });

  it("keeps replies to one to three sentences", () => {
    for (const said of [
      "My dad passed away, we inherited his house",
      "hi",
      "We want to sell our condo for $1.2M asap",
    ]) {
      expect(sentenceCount(seller(said))).toBeLessThanOrEqual(3);
    }
  });
});
