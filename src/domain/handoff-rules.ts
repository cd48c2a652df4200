/**
 * Handoff rules: when the bot holding a conversation passes it to another bot, and to which.
 *
 * Routes: intent "buy" → buyer, "sell" → seller (from any bot, so buyer ↔ seller works for a lead who
 * does both); "both" from the lead bot → `bothFirst` (default seller), "both" from one side → the other.
 * Cycles are prevented by rule, not by a turn limit: a conversation never returns to a bot that already
 * held it, so the visited bots never repeat (lead → buyer → seller is allowed, → buyer again is not).
 * With three bots that caps a conversation at 2 handoffs anyway; `maxHandoffs` can lower it.
 * Expected refusals are typed decisions with a reason code; only a broken policy or a stale decision throws.
 */
import type { BotName, ConversationRecord, HandoffRecord } from "../ports/conversation-store.ts";
import type { Intent, Qualification } from "../ports/qualification.ts";

/** Where a conversation stands, as far as handoffs are concerned. */
export interface HandoffState {
  readonly currentBot: BotName;
  /** Bots in the order they held the conversation, starting with "lead". */
  readonly visited: readonly BotName[];
  readonly handoffCount: number;
  /** Where the next bot finds the conversation's messages (e.g. the conversation id). */
  readonly historyRef?: string;
}

/** What the bot holding the conversation has just learnt about the lead's intent. */
export interface DetectedIntent {
  readonly intent: Intent;
  /** How sure the model is of `intent`: a finite number in [0, 1]. */
  readonly confidence: number;
  readonly qualification?: Qualification;
  readonly summary?: string;
}

/** The tunable part of the rules. */
export interface HandoffPolicy {
  /** Minimum intent confidence, inclusive, for a handoff. */
  readonly threshold: number;
  /** Most handoffs one conversation may make. */
  readonly maxHandoffs: number;
  /** The side a lead who both buys and sells is handed to first. */
  readonly bothFirst: "buyer" | "seller";
}

/**
 * Threshold 0.7 (the report's). maxHandoffs 2 = lead → one side → the other, the longest acyclic route.
 * Sell first for "both": most people who buy and sell must sell to buy, and the sale's equity and closing
 * date set the purchase's budget, timeline and contingencies, so the buyer bot then qualifies on facts.
 */
export const DEFAULT_HANDOFF_POLICY: HandoffPolicy = Object.freeze({
  threshold: 0.7,
  maxHandoffs: 2,
  bothFirst: "seller",
});

/** What travels with the lead to the next bot. */
export interface HandoffContext {
  readonly qualification: Qualification | undefined;
  readonly summary: string | undefined;
  readonly historyRef?: string;
}

/** Why a handoff happened. */
export type HandoffReason = "intent_buy" | "intent_sell" | "intent_both";

/** Why no handoff happened. */
export type HandoffDeclineReason =
  | "invalid_confidence"
  | "below_threshold"
  | "no_target"
  | "same_bot"
  | "would_cycle"
  | "cap_reached";

/** A granted handoff. */
export interface HandoffGranted {
  readonly handoff: true;
  readonly from: BotName;
  readonly to: BotName;
  readonly confidence: number;
  readonly reason: HandoffReason;
  readonly context: HandoffContext;
}

/** The outcome of one detection: a handoff, or the reason there is none. */
export type HandoffDecision =
  | HandoffGranted
  | { readonly handoff: false; readonly reason: HandoffDeclineReason };

/** A policy no conversation can run under (configuration bug). */
export class InvalidHandoffPolicyError extends Error {
  readonly code = "invalid_handoff_policy";
  override readonly name = "InvalidHandoffPolicyError";
}

/** A decision applied to a state it was not made for (its `from` is not the current bot). */
export class StaleHandoffDecisionError extends Error {
  readonly code = "stale_handoff_decision";
  override readonly name = "StaleHandoffDecisionError";
}

/** The state of a new conversation: the lead bot holds it, no handoff yet. */
export function startingHandoffState(historyRef?: string): HandoffState {
  return {
    currentBot: "lead",
    visited: ["lead"],
    handoffCount: 0,
    ...(historyRef === undefined ? {} : { historyRef }),
  };
}

/** The handoff state of a stored conversation; its id is the history reference. */
export function handoffStateOf(conversation: ConversationRecord): HandoffState {
  const { currentBot, visited, handoffs, id } = conversation;
  return { currentBot, visited: [...visited], handoffCount: handoffs.length, historyRef: id };
}

/** Decides whether `detected` moves the conversation in `state` to another bot (pure). */
export function decideHandoff(
  state: HandoffState,
  detected: DetectedIntent,
  policy: Partial<HandoffPolicy> = {},
): HandoffDecision {
  const rules = resolvePolicy(policy);
  const { confidence } = detected;
  // An untrusted model's NaN or 1.3 must not move a lead: decline rather than crash the conversation.
  if (!(Number.isFinite(confidence) && confidence >= 0 && confidence <= 1))
    return declined("invalid_confidence");
  if (confidence < rules.threshold) return declined("below_threshold");
  const route = routeOf(detected.intent, state.currentBot, rules.bothFirst);
  if (route === undefined) return declined("no_target");
  if (route.to === state.currentBot) return declined("same_bot");
  if (state.visited.includes(route.to)) return declined("would_cycle");
  if (state.handoffCount >= rules.maxHandoffs) return declined("cap_reached");
  const summary = detected.summary ?? detected.qualification?.summary;
  const context: HandoffContext = {
    qualification: detected.qualification,
    summary,
    ...(state.historyRef === undefined ? {} : { historyRef: state.historyRef }),
  };
  return { handoff: true, from: state.currentBot, to: route.to, confidence, reason: route.reason, context };
}

/** The state after `decision` (pure: `state` is not modified; a declined decision changes nothing). */
export function applyHandoff(state: HandoffState, decision: HandoffDecision): HandoffState {
  if (!decision.handoff) return state;
  if (decision.from !== state.currentBot) {
    throw new StaleHandoffDecisionError(
      `decision hands off from ${decision.from}, but ${state.currentBot} holds it`,
    );
  }
  return {
    ...state,
    currentBot: decision.to,
    visited: [...state.visited, decision.to],
    handoffCount: state.handoffCount + 1,
  };
}

/** The conversation-store record of a granted handoff made at `at` (ms since the epoch). */
export function handoffRecordOf(decision: HandoffGranted, at: number): HandoffRecord {
  return {
    from: decision.from,
    to: decision.to,
    confidence: decision.confidence,
    reason: decision.reason,
    at,
  };
}

function routeOf(
  intent: Intent,
  current: BotName,
  bothFirst: HandoffPolicy["bothFirst"],
): { to: BotName; reason: HandoffReason } | undefined {
  switch (intent) {
    case "buy":
      return { to: "buyer", reason: "intent_buy" };
    case "sell":
      return { to: "seller", reason: "intent_sell" };
    case "both": {
      // From one side, "both" means the other side is still to do.
      const to = current === "buyer" ? "seller" : current === "seller" ? "buyer" : bothFirst;
      return { to, reason: "intent_both" };
    }
    default:
      return undefined;
  }
}

function resolvePolicy(overrides: Partial<HandoffPolicy>): HandoffPolicy {
  // `??` rather than spread, so an explicit `undefined` keeps the default.
  const threshold = overrides.threshold ?? DEFAULT_HANDOFF_POLICY.threshold;
  const maxHandoffs = overrides.maxHandoffs ?? DEFAULT_HANDOFF_POLICY.maxHandoffs;
  const bothFirst = overrides.bothFirst ?? DEFAULT_HANDOFF_POLICY.bothFirst;
  if (!(Number.isFinite(threshold) && threshold >= 0 && threshold <= 1)) {
    throw new InvalidHandoffPolicyError(`threshold must be in [0, 1], got ${threshold}`);
  }
  if (!(Number.isSafeInteger(maxHandoffs) && maxHandoffs >= 0)) {
    throw new InvalidHandoffPolicyError(`maxHandoffs must be a non-negative integer, got ${maxHandoffs}`);
  }
  if (bothFirst !== "buyer" && bothFirst !== "seller") {
    throw new InvalidHandoffPolicyError(`bothFirst must be "buyer" or "seller", got ${String(bothFirst)}`);
  }
  return { threshold, maxHandoffs, bothFirst };
}

function declined(reason: HandoffDeclineReason): HandoffDecision {
  return { handoff: false, reason };
}
