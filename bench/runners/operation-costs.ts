/**
 * What each priced operation (report 5.1) consumes, MODELED from this build's own prompts: token counts
 * estimated from the real system prompts, schema and typical messages (≈ 4 characters a token, the
 * offline model's estimator), infrastructure units from the cascade each operation runs.
 * The report's cost tables then price these with both price profiles.
 */
import { estimateTokens } from "../../src/adapters/offline/token-estimate.ts";
import { routeModel } from "../../src/domain/model-routing.ts";
import { MODEL_IDS } from "../../src/domain/models.ts";
import { BOT_PROMPTS } from "../../src/domain/prompts/bots.ts";
import { QUALIFY_PROMPT } from "../../src/domain/prompts/qualify.ts";
import { QUALIFICATION_JSON_SCHEMA } from "../../src/domain/qualification-schema.ts";
import { cacheInfraUsage } from "../../src/domain/request-cost.ts";
import type { OperationUsageResult } from "../report/types.ts";
import { LEAD_MESSAGES } from "./workload.ts";

const TIERS = [
  { name: "L1", kind: "memory" },
  { name: "L2", kind: "redis" },
  { name: "L3", kind: "postgres" },
] as const;

const ANSWER =
  '{"intent":"buy","intentConfidence":0.9,"timeline":"0-3m","financing":"pre_approved","budgetMax":600000,"location":"Austin","bedrooms":3,"summary":"Pre-approved buyer looking for a 3-bed in Austin up to $600k within 2 months."}';
const REPLY =
  "Got it — your budget is up to $600k and you're pre-approved. Which neighborhoods in Austin are you focused on?";
const HISTORY = "We want to buy a 3 bed in Austin. Budget is 600k and we're pre-approved. ".repeat(3);

/** The modeled usage of each operation of report 5.1. */
export function operationUsages(): OperationUsageResult[] {
  const avgLead = Math.round(LEAD_MESSAGES.reduce((n, m) => n + estimateTokens(m), 0) / LEAD_MESSAGES.length);
  const qualifyIn =
    estimateTokens(QUALIFY_PROMPT.system) +
    estimateTokens(JSON.stringify(QUALIFICATION_JSON_SCHEMA)) +
    avgLead +
    40;
  const botSystem = estimateTokens(BOT_PROMPTS.buyer.system) + estimateTokens(ANSWER);
  const originInfra = cacheInfraUsage(TIERS, "origin");
  // The model routing picks for a reply to this history, cached or not (the same request either way).
  const replyModel = routeModel({ task: "reply", messageCount: 3, totalChars: HISTORY.length }).model;
  const qualifyModel = routeModel({ task: "qualify", messageCount: 1, totalChars: 120 }).model;
  const none = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };
  const op = (
    operation: OperationUsageResult["operation"],
    usage: OperationUsageResult["usage"],
  ): OperationUsageResult => ({ operation, samples: 1, usage, provenance: "modeled" });
  return [
    op("lead_qualification", {
      llm: {
        model: qualifyModel,
        usage: { ...none, inputTokens: qualifyIn, outputTokens: estimateTokens(ANSWER) + 20 },
      },
      infra: { ...originInfra, postgresQueries: originInfra.postgresQueries + 2, requests: 1 },
    }),
    // "Cached": the bot's system prompt is read from Anthropic's prompt cache (×0.1), only the turn is new.
    op("bot_response_cached", {
      llm: {
        model: replyModel,
        usage: {
          ...none,
          inputTokens: estimateTokens(HISTORY),
          cacheReadTokens: botSystem,
          outputTokens: estimateTokens(REPLY),
        },
      },
      infra: { redisOps: 1, postgresQueries: 2, requests: 1 },
    }),
    // "Uncached": the first turn writes the system prompt to the prompt cache (×1.25).
    op("bot_response_uncached", {
      llm: {
        model: replyModel,
        usage: {
          ...none,
          inputTokens: estimateTokens(HISTORY),
          cacheWriteTokens: botSystem,
          outputTokens: estimateTokens(REPLY),
        },
      },
      infra: { ...originInfra, postgresQueries: originInfra.postgresQueries + 2, requests: 1 },
    }),
    // No retrieval in this build: the report's ~2,500 tokens, split 2,000 in / 500 out on Sonnet.
    op("rag_query", {
      llm: { model: MODEL_IDS.sonnet, usage: { ...none, inputTokens: 2_000, outputTokens: 500 } },
      infra: { redisOps: 2, postgresQueries: 3, requests: 1 },
    }),
    op("crm_sync", { infra: { redisOps: 0, postgresQueries: 2, requests: 1 } }),
    op("health_check", { infra: { redisOps: 0, postgresQueries: 0, requests: 1 } }),
  ];
}
