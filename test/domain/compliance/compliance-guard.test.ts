import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GuardReplyInput, guardReply } from "../../../src/domain/compliance/compliance-guard.ts";
import { DisclosureConfigError } from "../../../src/domain/compliance/disclosure.ts";
import { checkFairHousing, FAIR_HOUSING_REFERRAL } from "../../../src/domain/compliance/fair-housing.ts";
import { FLAGGED, NOT_FLAGGED } from "./fair-housing.fixtures.ts";

const cfg = { licenseeName: "Acme Realty", dreLicense: "01234567" };
const DISCLOSURE = "Hi! I'm an automated assistant for Acme Realty (CA DRE #01234567).";
const CONFIRMATION =
  "You're unsubscribed and won't receive more messages from Acme Realty. Reply START to resubscribe.";
const ongoing = { isFirstOutbound: false, optedOut: false };
const input = (over: Partial<GuardReplyInput>): GuardReplyInput => ({
  reply: "The 3-bed on Maple is still available. Want to see it Saturday?",
  leadText: "Is the Maple house still available?",
  conversation: ongoing,
  cfg,
  ...over,
});

describe("guardReply", () => {
  it("sends a compliant reply mid-conversation unchanged", () => {
    const plain = input({});
    expect(guardReply(plain)).toEqual({ send: true, text: plain.reply, actions: [], optedOut: false });
  });

  it("prepends the disclosure to the first outbound message only", () => {
    const first = guardReply(input({ conversation: { isFirstOutbound: true, optedOut: false } }));
    expect(first.text).toBe(`${DISCLOSURE} The 3-bed on Maple is still available. Want to see it Saturday?`);
    expect(first.actions).toEqual(["disclosure_added"]);
  });

  it("replaces the reply with the one confirmation when the lead opts out", () => {
    expect(guardReply(input({ leadText: "STOP" }))).toEqual({
      send: true,
      text: CONFIRMATION,
      actions: ["opt_out_confirmed"],
      optedOut: true,
    });
  });

  it("blocks everything to an opted-out contact, a second STOP included", () => {
    for (const leadText of ["Is it still available?", "STOP"]) {
      expect(
        guardReply(input({ leadText, conversation: { isFirstOutbound: false, optedOut: true } })),
      ).toEqual({
        send: false,
        text: "",
        actions: ["blocked_opted_out"],
        optedOut: true,
      });
    }
  });

  it("resubscribes an opted-out contact who texts START, with a confirmation", () => {
    const out = guardReply(
      input({ leadText: "START", conversation: { isFirstOutbound: false, optedOut: true } }),
    );
    expect(out).toMatchObject({ send: true, actions: ["resubscribed"], optedOut: false });
    expect(out.text).toContain("resubscribed");
  });

  it("answers a Fair Housing question with the referral instead of the drafted reply", () => {
    const out = guardReply(input({ leadText: "Is it a safe area?", reply: "Yes, it's very safe." }));
    expect(out).toEqual({
      send: true,
      text: FAIR_HOUSING_REFERRAL,
      actions: ["fair_housing_referral"],
      optedOut: false,
    });
  });

  it("rewrites a reply that steers", () => {
    const out = guardReply(input({ reply: "It's on a quiet street. Perfect for families!" }));
    expect(out).toEqual({
      send: true,
      text: `It's on a quiet street. ${FAIR_HOUSING_REFERRAL}`,
      actions: ["fair_housing_rewritten"],
      optedOut: false,
    });
  });

  it("composes a rewrite with the first-contact disclosure, in order", () => {
    const out = guardReply(
      input({
        reply: "Great schools nearby. Want a tour?",
        conversation: { isFirstOutbound: true, optedOut: false },
      }),
    );
    expect(out.text).toBe(`${DISCLOSURE} Want a tour? ${FAIR_HOUSING_REFERRAL}`);
    expect(out.actions).toEqual(["fair_housing_rewritten", "disclosure_added"]);
  });

  it("discloses before an opt-out confirmation that is the conversation's first message", () => {
    const out = guardReply(
      input({ leadText: "unsubscribe", conversation: { isFirstOutbound: true, optedOut: false } }),
    );
    expect(out.text).toBe(`${DISCLOSURE} ${CONFIRMATION}`);
    expect(out.actions).toEqual(["opt_out_confirmed", "disclosure_added"]);
  });

  it("refuses an invalid configuration on every call, not only on first contact", () => {
    expect(() => guardReply(input({ cfg: { ...cfg, dreLicense: "1234" } }))).toThrow(DisclosureConfigError);
  });
});

const replyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...[...FLAGGED, ...NOT_FLAGGED].map((f) => f.text)),
      fc.string({ maxLength: 10 }),
    ),
    {
      maxLength: 5,
    },
  )
  .map((parts) => parts.join(" "));
const leadText = fc.oneof(
  fc.constantFrom(
    "STOP",
    "start",
    "Is it a safe area?",
    "How are the schools?",
    "Can I see it Saturday?",
    "quit",
  ),
  fc.string({ maxLength: 20 }),
);
const guardInput = fc.record({
  reply: replyText,
  leadText,
  conversation: fc.record({ isFirstOutbound: fc.boolean(), optedOut: fc.boolean() }),
  cfg: fc.constant(cfg),
});

describe("guardReply properties", () => {
  it("whatever is sent passes Fair Housing", () => {
    fc.assert(
      fc.property(guardInput, (given) => {
        const out = guardReply(given);
        if (out.send) expect(checkFairHousing(out.text)).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it("nothing is sent to an opted-out contact except the resubscribe confirmation", () => {
    fc.assert(
      fc.property(guardInput, (given) => {
        fc.pre(given.conversation.optedOut);
        const out = guardReply(given);
        expect(out.send).toBe(out.actions.includes("resubscribed"));
        expect(out.optedOut).toBe(!out.send);
      }),
      { numRuns: 200 },
    );
  });

  it("a sent message carries the disclosure once on first contact and never later", () => {
    fc.assert(
      fc.property(guardInput, (given) => {
        const out = guardReply(given);
        fc.pre(out.send);
        const count = out.text.split(DISCLOSURE).length - 1;
        expect(count).toBe(given.conversation.isFirstOutbound ? 1 : 0);
        if (given.conversation.isFirstOutbound) expect(out.text.startsWith(DISCLOSURE)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
