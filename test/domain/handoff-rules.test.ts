import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyHandoff,
  DEFAULT_HANDOFF_POLICY,
  type DetectedIntent,
  decideHandoff,
  type HandoffPolicy,
  type HandoffState,
  handoffRecordOf,
  handoffStateOf,
  InvalidHandoffPolicyError,
  StaleHandoffDecisionError,
  startingHandoffState,
} from "../../src/domain/handoff-rules.ts";
import type { BotName, ConversationRecord } from "../../src/ports/conversation-store.ts";
import type { Intent, Qualification } from "../../src/ports/qualification.ts";

const start = startingHandoffState("conv-1");
const at = (bots: BotName[]): HandoffState => ({
  currentBot: bots[bots.length - 1]!,
  visited: bots,
  handoffCount: bots.length - 1,
});
const sure = (intent: Intent, confidence = 0.9): DetectedIntent => ({ intent, confidence });
const qualification: Qualification = {
  intent: "buy",
  intentConfidence: 0.92,
  timeline: "0-3m",
  financing: "pre_approved",
  budgetMax: 650_000,
  summary: "Pre-approved, wants a 3-bed in Austin within 3 months.",
};

describe("handoff routes", () => {
  it("hands a buyer from the lead bot to the buyer bot, with the context", () => {
    const decision = decideHandoff(start, { intent: "buy", confidence: 0.92, qualification });
    expect(decision).toEqual({
      handoff: true,
      from: "lead",
      to: "buyer",
      confidence: 0.92,
      reason: "intent_buy",
      context: { qualification, summary: qualification.summary, historyRef: "conv-1" },
    });
  });

  it("hands a seller from the lead bot to the seller bot", () => {
    expect(decideHandoff(start, sure("sell"))).toMatchObject({
      handoff: true,
      to: "seller",
      reason: "intent_sell",
    });
  });

  it("prefers the detection's own summary over the qualification's", () => {
    const d = decideHandoff(start, { ...sure("buy"), qualification, summary: "Latest summary." });
    expect(d.handoff && d.context.summary).toBe("Latest summary.");
  });

  it("sends a lead who both buys and sells to the seller bot first by default (sell to fund the purchase)", () => {
    expect(DEFAULT_HANDOFF_POLICY.bothFirst).toBe("seller");
    expect(decideHandoff(start, sure("both"))).toMatchObject({
      handoff: true,
      to: "seller",
      reason: "intent_both",
    });
  });

  it("lets the policy send a lead who does both to the buyer bot first", () => {
    expect(decideHandoff(start, sure("both"), { bothFirst: "buyer" })).toMatchObject({ to: "buyer" });
  });

  it("moves a lead who does both from one side to the other, once", () => {
    expect(decideHandoff(at(["lead", "buyer"]), sure("sell"))).toMatchObject({ from: "buyer", to: "seller" });
    expect(decideHandoff(at(["lead", "buyer"]), sure("both"))).toMatchObject({ to: "seller" });
    expect(decideHandoff(at(["lead", "seller"]), sure("both"))).toMatchObject({ to: "buyer" });
  });
});

describe("handoff refusals", () => {
  it("hands off at exactly the threshold, and not just below it", () => {
    expect(decideHandoff(start, sure("buy", 0.7)).handoff).toBe(true);
    expect(decideHandoff(start, sure("buy", 0.6999))).toEqual({ handoff: false, reason: "below_threshold" });
  });

  it("uses a configured threshold", () => {
    expect(decideHandoff(start, sure("buy", 0.8), { threshold: 0.85 })).toMatchObject({
      reason: "below_threshold",
    });
    expect(decideHandoff(start, sure("buy", 0.5), { threshold: 0.5 }).handoff).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -0.01, 1.01])("declines confidence %s as invalid", (c) => {
    expect(decideHandoff(start, sure("buy", c))).toEqual({ handoff: false, reason: "invalid_confidence" });
  });

  it.each<Intent>(["browsing", "unknown"])("has no target for intent %s", (intent) => {
    expect(decideHandoff(start, sure(intent, 1))).toEqual({ handoff: false, reason: "no_target" });
  });

  it("never hands the conversation to the bot that holds it", () => {
    expect(decideHandoff(at(["lead", "buyer"]), sure("buy"))).toEqual({ handoff: false, reason: "same_bot" });
    expect(decideHandoff(at(["lead", "seller"]), sure("sell"))).toEqual({
      handoff: false,
      reason: "same_bot",
    });
  });

  it("forbids going back: lead → buyer → seller → buyer would be a cycle", () => {
    const state = at(["lead", "buyer", "seller"]);
    expect(decideHandoff(state, sure("buy"))).toEqual({ handoff: false, reason: "would_cycle" });
    expect(decideHandoff(state, sure("both"))).toEqual({ handoff: false, reason: "would_cycle" });
  });

  it("stops at the cap", () => {
    const state = at(["lead", "buyer"]);
    expect(decideHandoff(state, sure("sell"), { maxHandoffs: 1 })).toEqual({
      handoff: false,
      reason: "cap_reached",
    });
    expect(decideHandoff(start, sure("sell"), { maxHandoffs: 0 })).toEqual({
      handoff: false,
      reason: "cap_reached",
    });
  });

  it.each<[string, Partial<HandoffPolicy>]>([
    ["threshold above 1", { threshold: 1.5 }],
    ["NaN threshold", { threshold: Number.NaN }],
    ["fractional cap", { maxHandoffs: 1.5 }],
    ["negative cap", { maxHandoffs: -1 }],
    ["unknown first side", { bothFirst: "lead" as "buyer" }],
  ])("rejects a policy with a %s", (_what, policy) => {
    const attempt = () => decideHandoff(start, sure("buy"), policy);
    expect(attempt).toThrow(InvalidHandoffPolicyError);
    expect(attempt).toThrow(expect.objectContaining({ code: "invalid_handoff_policy" }));
  });

  it("keeps the defaults for options given as undefined", () => {
    expect(decideHandoff(start, sure("buy", 0.69), { threshold: undefined })).toMatchObject({
      reason: "below_threshold",
    });
  });
});

describe("applying a decision", () => {
  it("moves the conversation and records the visit, without touching the old state", () => {
    const before = startingHandoffState();
    const after = applyHandoff(before, decideHandoff(before, sure("buy")));
    expect(after).toEqual({ currentBot: "buyer", visited: ["lead", "buyer"], handoffCount: 1 });
    expect(before).toEqual({ currentBot: "lead", visited: ["lead"], handoffCount: 0 });
  });

  it("leaves the state as it is for a declined decision", () => {
    expect(applyHandoff(start, { handoff: false, reason: "below_threshold" })).toEqual(start);
  });

  it("refuses a decision made for another bot", () => {
    const decision = decideHandoff(start, sure("buy"));
    const attempt = () => applyHandoff(at(["lead", "seller"]), decision);
    expect(attempt).toThrow(StaleHandoffDecisionError);
    expect(attempt).toThrow(expect.objectContaining({ code: "stale_handoff_decision" }));
  });

  it("turns a granted decision into the conversation store's record", () => {
    const decision = decideHandoff(start, sure("sell", 0.8));
    if (!decision.handoff) throw new Error("expected a handoff");
    expect(handoffRecordOf(decision, 1_700_000_000_000)).toEqual({
      from: "lead",
      to: "seller",
      confidence: 0.8,
      reason: "intent_sell",
      at: 1_700_000_000_000,
    });
  });

  it("reads the state of a stored conversation", () => {
    const conversation = {
      id: "c-9",
      currentBot: "buyer",
      visited: ["lead", "buyer"],
      handoffs: [{ from: "lead", to: "buyer", confidence: 0.9, reason: "intent_buy", at: 1 }],
    } as ConversationRecord;
    expect(handoffStateOf(conversation)).toEqual({
      currentBot: "buyer",
      visited: ["lead", "buyer"],
      handoffCount: 1,
      historyRef: "c-9",
    });
  });
});

describe("handoff invariants over random conversations", () => {
  const confidence = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(0, 0.7, 1, Number.NaN, Number.POSITIVE_INFINITY, -0.5, 1.5),
  );
  const detection = fc.record({
    intent: fc.constantFrom<Intent>("buy", "sell", "both", "browsing", "unknown"),
    confidence,
  });
  const policy = fc.record({
    threshold: fc.double({ min: 0, max: 1, noNaN: true }),
    maxHandoffs: fc.integer({ min: 0, max: 4 }),
    bothFirst: fc.constantFrom<"buyer" | "seller">("buyer", "seller"),
  });
  const conversation = fc.record({ policy, detections: fc.array(detection, { maxLength: 25 }) });

  /** Runs a conversation, checking `step` on every decision; returns the final state. */
  const run = (
    p: HandoffPolicy,
    detections: DetectedIntent[],
    step: (s: HandoffState, d: DetectedIntent, decision: ReturnType<typeof decideHandoff>) => void = () => {},
  ): HandoffState =>
    detections.reduce((state, detected) => {
      const decision = decideHandoff(state, detected, p);
      step(state, detected, decision);
      return applyHandoff(state, decision);
    }, startingHandoffState());

  it("the bots visited never repeat (no cycle), whatever intents arrive", () => {
    fc.assert(
      fc.property(conversation, ({ policy: p, detections }) => {
        const { visited } = run(p, detections);
        expect(new Set(visited).size).toBe(visited.length);
      }),
      { numRuns: 300 },
    );
  });

  it("the handoff count never exceeds the cap and matches the visits", () => {
    fc.assert(
      fc.property(conversation, ({ policy: p, detections }) => {
        const end = run(p, detections);
        expect(end.handoffCount).toBeLessThanOrEqual(p.maxHandoffs);
        expect(end.visited.length).toBe(end.handoffCount + 1);
        expect(end.visited[end.visited.length - 1]).toBe(end.currentBot);
      }),
      { numRuns: 300 },
    );
  });

  it("a detection below the threshold, or with an invalid confidence, never hands off", () => {
    fc.assert(
      fc.property(conversation, ({ policy: p, detections }) => {
        run(p, detections, (_s, d, decision) => {
          const valid = Number.isFinite(d.confidence) && d.confidence >= 0 && d.confidence <= 1;
          if (!valid || d.confidence < p.threshold) expect(decision.handoff).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never hands off to the current bot, and always from it", () => {
    fc.assert(
      fc.property(conversation, ({ policy: p, detections }) => {
        run(p, detections, (state, _d, decision) => {
          if (!decision.handoff) return;
          expect(decision.to).not.toBe(state.currentBot);
          expect(decision.from).toBe(state.currentBot);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a handoff carries the detection's confidence and qualification to the next bot", () => {
    fc.assert(
      fc.property(conversation, fc.string(), ({ policy: p, detections }, summary) => {
        const withContext = detections.map((d) => ({ ...d, qualification, summary }));
        run(p, withContext, (_s, d, decision) => {
          if (!decision.handoff) return;
          expect(decision.confidence).toBe(d.confidence);
          expect(decision.context.qualification).toBe(qualification);
          expect(decision.context.summary).toBe(summary);
        });
      }),
      { numRuns: 200 },
    );
  });
});
