import { describe, expect, it } from "vitest";
import { INTENT_QUESTIONS } from "../../../src/adapters/offline/lead-reply.ts";
import { roleOfTask, writeReply } from "../../../src/adapters/offline/reply-writer.ts";
import { conversation, sentenceCount } from "./conversation.ts";

const leadBot = (...turns: string[]) => writeReply("lead", conversation(...turns));

describe("the Lead bot", () => {
  it("greets and asks whether the lead is buying or selling", () => {
    expect(leadBot("Hi there")).toBe(`Hi, thanks for reaching out! ${INTENT_QUESTIONS[0]}`);
  });

  it("greets by name", () => {
    expect(leadBot("Hola, soy José")).toMatch(/^Hi José, thanks for reaching out!/);
  });

  it("asks differently the second time, and never loops", () => {
    const first = leadBot("hey");
    const second = leadBot("hey", first, "ok");
    const third = leadBot("hey", first, "ok", second, "hmm");
    expect(second).toContain(INTENT_QUESTIONS[1]);
    expect(third).not.toContain(INTENT_QUESTIONS[0]);
    expect(third).not.toContain(INTENT_QUESTIONS[1]);
  });

  it("names a buyer's intent and starts the buyer questions", () => {
    const reply = leadBot("Hi", INTENT_QUESTIONS[0], "We want to buy a house in Austin");
    expect(reply).toContain("It sounds like you're looking to buy in Austin.");
    expect(reply).toContain("What price range are you comfortable with?");
    expect(reply).not.toContain(INTENT_QUESTIONS[0]);
  });

  it("names a seller's intent and starts the seller questions", () => {
    const reply = leadBot("We're thinking of selling our condo in Tampa");
    expect(reply).toContain("It sounds like you're thinking of selling your home in Tampa.");
    expect(reply).toContain("What's prompting the move?");
  });

  it("asks a lead who does both where to start", () => {
    expect(leadBot("We need to sell our condo and buy a bigger house")).toContain(
      "Which would you like to start with",
    );
  });

  it("does not pressure a browser", () => {
    const reply = leadBot("just looking");
    expect(reply).toContain("No pressure at all");
    expect(reply).not.toContain("price range");
  });

  it("does not re-ask what the lead said before the handoff", () => {
    const reply = leadBot("We want to buy in Austin, budget 500k, pre-approved");
    expect(reply).not.toContain("price range");
    expect(reply).not.toContain("pre-approved for a mortgage yet");
    expect(reply).toContain("single-family, condo or townhouse");
  });

  it("keeps replies to one to three sentences", () => {
    for (const said of [
      "Hi",
      "My dad passed away and we inherited his house in Memphis",
      "We want to buy a condo",
    ]) {
      const n = sentenceCount(leadBot(said));
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
  });
});

describe("roleOfTask", () => {
  it("maps reply tasks to their bot, anything else to the Lead bot", () => {
    expect(roleOfTask("reply:buyer")).toBe("buyer");
    expect(roleOfTask("reply:seller")).toBe("seller");
    expect(roleOfTask("reply:lead")).toBe("lead");
    expect(roleOfTask("summarize")).toBe("lead");
    expect(roleOfTask(undefined)).toBe("lead");
  });
});

describe("the Lead bot below the handoff threshold", () => {
  it("asks rather than guesses from a hint", () => {
    const reply = leadBot("My dad passed away and we inherited his house in Memphis");
    expect(reply).toMatch(/^Hi, thanks for reaching out, and I'm sorry for your loss/);
    expect(reply).not.toContain("It sounds like");
    expect(reply).toContain(INTENT_QUESTIONS[0]);
  });
});
