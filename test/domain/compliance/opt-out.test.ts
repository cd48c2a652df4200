import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectOptOut,
  isResubscribeRequest,
  OPT_OUT_CONFIRMATION,
  optOutConfirmation,
  resubscribeConfirmation,
} from "../../../src/domain/compliance/opt-out.ts";

const KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPT OUT", "REVOKE"] as const;

describe("detectOptOut: keywords", () => {
  it.each(KEYWORDS)("detects %s on its own", (keyword) => {
    expect(detectOptOut(keyword)).toEqual({ optOut: true, keyword });
  });

  it.each([
    ["stop", "STOP"],
    ["  Stop!!! ", "STOP"],
    ["STOP 🛑", "STOP"],
    ["“stop.”", "STOP"],
    ["'STOP'", "STOP"],
    ["optout", "OPT OUT"],
    ["Opt-Out", "OPT OUT"],
    ["opt   out", "OPT OUT"],
    ["stop all", "STOPALL"],
    ["Please stop", "STOP"],
    ["STOP please", "STOP"],
    ["Stop, thank you!", "STOP"],
    ["unsubscribe now", "UNSUBSCRIBE"],
  ])("detects %j as %s", (text, keyword) => {
    expect(detectOptOut(text)).toEqual({ optOut: true, keyword });
  });
});

describe("detectOptOut: requests in a sentence", () => {
  it.each([
    "please stop texting me",
    "Stop messaging me.",
    "Can you stop calling me?",
    "unsubscribe me",
    "I want to unsubscribe",
    "Remove me from your list",
    "please take me off your mailing list",
    "Don't contact me again!",
    "do not text me anymore",
    "Don’t text me",
    "No more texts please",
    "I revoke my consent",
    "cancel my subscription",
  ])("detects %j", (text) => {
    expect(detectOptOut(text).optOut).toBe(true);
  });

  it.each([
    "don't stop now",
    "Can I stop by the open house on Sunday?",
    // A sentence about a showing cancels the showing, not the messages.
    "I want to cancel my showing",
    "We can close by the end of the month",
    "I'm about to quit my job, so my budget may change",
    "stopped by yesterday, loved it",
    "Don't call me, text me instead",
    "Is the listing still active?",
    "",
  ])("leaves %j alone", (text) => {
    expect(detectOptOut(text)).toEqual({ optOut: false });
  });
});

describe("resubscription and confirmations", () => {
  it.each(["START", "start!", " Unstop "])("treats %j as a resubscribe request", (text) => {
    expect(isResubscribeRequest(text)).toBe(true);
  });

  it.each(["yes", "start the showing at 5", "STOP"])("does not treat %j as one", (text) => {
    expect(isResubscribeRequest(text)).toBe(false);
  });

  it("confirms the opt-out once, naming the licensee and how to resubscribe", () => {
    expect(optOutConfirmation(" Acme Realty ")).toBe(
      "You're unsubscribed and won't receive more messages from Acme Realty. Reply START to resubscribe.",
    );
    expect(OPT_OUT_CONFIRMATION).toContain("{licensee}");
    expect(resubscribeConfirmation("Acme Realty")).toContain("Reply STOP");
  });
});

const casing = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(""));
const edge = fc
  .array(
    fc.constantFrom(" ", "\t", "\n", ".", "!", "?", ",", "*", "-", "(", ")", '"', "'", "🛑", "🙏", "…"),
    {
      maxLength: 4,
    },
  )
  .map((chars) => chars.join(""));
const spelledKeyword = fc.oneof(
  fc.constantFrom("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"),
  fc
    .tuple(fc.constantFrom("opt", "stop"), fc.constantFrom(" ", "-", "  ", "_"), fc.constant(""))
    .map(([first, sep]) => (first === "opt" ? `opt${sep}out` : `stop${sep}all`)),
);

// Words that are neither keywords nor part of an opt-out request, including near misses ("stopped", "ending").
const TRIGGERS = new Set([
  "stop",
  "stopall",
  "unsubscribe",
  "cancel",
  "end",
  "quit",
  "opt",
  "optout",
  "revoke",
  "start",
]);
const PHRASE_WORDS = new Set([
  "remove",
  "take",
  "contact",
  "text",
  "message",
  "call",
  "email",
  "me",
  "alone",
  "more",
]);
const neutralWord = fc.oneof(
  fc.constantFrom(
    "stopped",
    "stopping",
    "ending",
    "endless",
    "quite",
    "outside",
    "option",
    "cancellation",
    "house",
  ),
  fc.stringMatching(/^[a-z]{1,9}$/).filter((w) => !TRIGGERS.has(w) && !PHRASE_WORDS.has(w)),
);

describe("detectOptOut properties", () => {
  it("any casing, punctuation or whitespace variant of a keyword is detected", () => {
    fc.assert(
      fc.property(spelledKeyword.chain(casing), edge, edge, (word, before, after) => {
        expect(detectOptOut(`${before}${word}${after}`).optOut).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("sentences without a keyword or request word as a whole word are not opt-outs", () => {
    fc.assert(
      fc.property(fc.array(neutralWord, { minLength: 1, maxLength: 8 }), edge, (words, end) => {
        expect(detectOptOut(`${words.join(" ")}${end}`)).toEqual({ optOut: false });
      }),
      { numRuns: 200 },
    );
  });
});
