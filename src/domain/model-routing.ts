/**
 * Model routing: the cheapest Claude tier that does a task well, with the reason and the models to fall
 * back to when it is overloaded. Deterministic and allocation-light: it runs on every model call.
 *
 * 1. The history's complexity level: short (≤ shortMaxMessages messages and ≤ shortMaxChars chars) → haiku;
 *    long (≥ longMinMessages messages or ≥ longMinChars chars) → opus; otherwise → sonnet.
 *    Attachments or documents raise it to at least sonnet; RAG over ≥ manyDocuments documents → opus.
 * 2. Clamped into the task's band:
 *    | task      | cheapest | dearest | why                                                       |
 *    |-----------|----------|---------|-----------------------------------------------------------|
 *    | intent    | haiku    | sonnet  | classification: a long history needs reading, not reasoning |
 *    | summarize | haiku    | sonnet  | compression, not judgement                                |
 *    | reply     | haiku    | opus    | a short reply is cheap; a long relationship is not         |
 *    | qualify   | sonnet   | opus    | extraction into the schema is the product: standard tier  |
 *    | rag       | sonnet   | opus    | grounding on documents                                     |
 *    | negotiate | opus     | opus    | money on the table                                         |
 * Both steps are monotone, so more history or more documents never routes to a cheaper tier.
 *
 * Fallback on overload degrades rather than escalates cost (opus → sonnet → haiku); haiku, having
 * nothing cheaper, falls back to sonnet. Every chain ends with the offline rules model.
 */
import { MODEL_IDS, type ModelTier, OFFLINE_MODEL_ID } from "./models.ts";

/** What the caller asks the model to do. */
export type RoutingTask = "intent" | "qualify" | "reply" | "summarize" | "negotiate" | "rag";

/** What routing looks at: the task and the size of what the model must read. */
export interface RoutingFeatures {
  task: RoutingTask;
  /** Messages in the conversation history sent to the model. */
  messageCount: number;
  /** Characters in that history (and any inlined documents). */
  totalChars: number;
  hasAttachmentsOrDocuments?: boolean;
  /** Documents retrieved for RAG (or attached). */
  documentCount?: number;
}

/** The sizes at which the complexity level changes; callers may override any of them. */
export interface RoutingThresholds {
  shortMaxMessages: number;
  shortMaxChars: number;
  longMinMessages: number;
  longMinChars: number;
  manyDocuments: number;
}

/**
 * Defaults: 4 messages / 2,000 chars is a greeting and an answer or two; 40 messages / 24,000 chars
 * (~6k tokens) is a relationship whose details a cheaper model starts to drop; 5+ documents need synthesis.
 */
export const ROUTING_THRESHOLDS: Readonly<RoutingThresholds> = Object.freeze({
  shortMaxMessages: 4,
  shortMaxChars: 2_000,
  longMinMessages: 40,
  longMinChars: 24_000,
  manyDocuments: 5,
});

/** The chosen model, why, and what to try (in order) if it is overloaded. */
export interface RouteDecision {
  tier: ModelTier;
  model: string;
  reason: string;
  /** Model ids, never containing `model`, ending with OFFLINE_MODEL_ID. */
  fallbackChain: readonly string[];
}

/** Thrown for features no caller should send (unknown task, negative or non-finite sizes). */
export class RoutingFeaturesError extends Error {
  readonly code = "invalid_routing_features";
}

const TIERS: readonly ModelTier[] = ["haiku", "sonnet", "opus"];
const BANDS: Readonly<Record<RoutingTask, readonly [number, number]>> = {
  intent: [0, 1],
  summarize: [0, 1],
  reply: [0, 2],
  qualify: [1, 2],
  rag: [1, 2],
  negotiate: [2, 2],
};
const FALLBACKS: Readonly<Record<ModelTier, readonly string[]>> = {
  haiku: Object.freeze([MODEL_IDS.sonnet, OFFLINE_MODEL_ID]),
  sonnet: Object.freeze([MODEL_IDS.haiku, OFFLINE_MODEL_ID]),
  opus: Object.freeze([MODEL_IDS.sonnet, MODEL_IDS.haiku, OFFLINE_MODEL_ID]),
};

/** Picks the model tier for a call; see the module comment for the rules. */
export function routeModel(
  features: RoutingFeatures,
  thresholds: RoutingThresholds = ROUTING_THRESHOLDS,
): RouteDecision {
  const { task, messageCount, totalChars } = features;
  const documents = features.documentCount ?? (features.hasAttachmentsOrDocuments ? 1 : 0);
  const band = Object.hasOwn(BANDS, task) ? BANDS[task] : undefined;
  if (!band || !isSize(messageCount) || !isSize(totalChars) || !isSize(documents)) {
    const got = `task ${String(task)}, ${String(messageCount)} messages, ${String(totalChars)} chars`;
    throw new RoutingFeaturesError(`invalid routing features: ${got}, ${String(documents)} documents`);
  }
  const size = `${messageCount} messages, ${totalChars} chars`;
  let level: number;
  let why: string;
  if (messageCount >= thresholds.longMinMessages || totalChars >= thresholds.longMinChars) {
    [level, why] = [2, `long history (${size})`];
  } else if (task === "rag" && documents >= thresholds.manyDocuments) {
    [level, why] = [2, `${documents} documents to ground on`];
  } else if (documents > 0 || features.hasAttachmentsOrDocuments === true) {
    [level, why] = [1, `attachments or documents (${size})`];
  } else if (messageCount <= thresholds.shortMaxMessages && totalChars <= thresholds.shortMaxChars) {
    [level, why] = [0, `short exchange (${size})`];
  } else {
    [level, why] = [1, `history (${size})`];
  }
  const [cheapest, dearest] = band;
  const index = Math.min(dearest, Math.max(cheapest, level));
  const tier = TIERS[index] ?? "sonnet";
  if (index > level) why += `; ${task} needs at least ${tier}`;
  if (index < level) why += `; ${task} needs no more than ${tier}`;
  return {
    tier,
    model: MODEL_IDS[tier],
    reason: `${task} → ${tier}: ${why}`,
    fallbackChain: FALLBACKS[tier],
  };
}

function isSize(n: unknown): boolean {
  return typeof n === "number" && Number.isFinite(n) && n >= 0;
}
