/**
 * Cost of LLM calls and infrastructure under a price profile. The `...Picos` functions are exact
 * (bigint pico-dollars, additive over operations); the others round once, half up, to micro-dollars.
 * Cache tokens are priced on their own (Anthropic's input_tokens excludes them), never as input.
 */
import type { TokenUsage } from "../../ports/language-model.ts";
import { InvalidCostInputError } from "./cost-errors.ts";
import { exactCount, picosToMicros } from "./money.ts";
import { type PriceProfile, priceOf } from "./price-table.ts";

/** The TTL the prompt cache was written with: 5 minutes (Anthropic's default) or 1 hour. */
export type CacheWriteTtl = "5m" | "1h";

/** Infrastructure work one operation did. */
export interface InfraUsage {
  readonly redisOps: number;
  readonly postgresQueries: number;
  readonly requests: number;
}

/** The LLM call of an operation, if it made one. */
export interface LlmUsage {
  readonly model: string;
  readonly usage: TokenUsage;
  readonly cacheWriteTtl?: CacheWriteTtl;
}

/** Everything one operation consumed. */
export interface OperationUsage {
  readonly llm?: LlmUsage;
  readonly infra: InfraUsage;
}

/** An operation's cost in micro-dollars; `totalMicros` is exactly `llmMicros + infraMicros`. */
export interface OperationCost {
  readonly llmMicros: number;
  readonly infraMicros: number;
  readonly totalMicros: number;
}

/** Exact LLM cost in pico-dollars; throws UnknownModelError for an unpriced model. */
export function llmCostPicos(
  profile: PriceProfile,
  model: string,
  usage: TokenUsage,
  cacheWriteTtl: CacheWriteTtl = "5m",
): bigint {
  if (cacheWriteTtl !== "5m" && cacheWriteTtl !== "1h") {
    throw new InvalidCostInputError(`cacheWriteTtl must be "5m" or "1h", got ${String(cacheWriteTtl)}`);
  }
  const p = priceOf(profile, model);
  const cacheWrite = cacheWriteTtl === "1h" ? p.cacheWrite1h : p.cacheWrite5m;
  return (
    exactCount("inputTokens", usage.inputTokens) * BigInt(p.input) +
    exactCount("outputTokens", usage.outputTokens) * BigInt(p.output) +
    exactCount("cacheWriteTokens", usage.cacheWriteTokens) * BigInt(cacheWrite) +
    exactCount("cacheReadTokens", usage.cacheReadTokens) * BigInt(p.cacheRead)
  );
}

/** LLM cost in micro-dollars (rounded half up). */
export function llmCost(
  profile: PriceProfile,
  model: string,
  usage: TokenUsage,
  cacheWriteTtl: CacheWriteTtl = "5m",
): number {
  return picosToMicros(llmCostPicos(profile, model, usage, cacheWriteTtl));
}

/** Exact infrastructure cost in pico-dollars. */
export function infraCostPicos(profile: PriceProfile, usage: InfraUsage): bigint {
  const p = profile.infra;
  return (
    exactCount("redisOps", usage.redisOps) * BigInt(p.redisOp) +
    exactCount("postgresQueries", usage.postgresQueries) * BigInt(p.postgresQuery) +
    exactCount("requests", usage.requests) * BigInt(p.request)
  );
}

/** Infrastructure cost in micro-dollars (rounded half up). */
export function infraCost(profile: PriceProfile, usage: InfraUsage): number {
  return picosToMicros(infraCostPicos(profile, usage));
}

/** The cost of one operation: LLM and infrastructure each rounded once, the total their sum. */
export function operationCost(profile: PriceProfile, operation: OperationUsage): OperationCost {
  const { llm, infra } = operation;
  const llmMicros = llm === undefined ? 0 : llmCost(profile, llm.model, llm.usage, llm.cacheWriteTtl);
  const infraMicros = infraCost(profile, infra);
  return { llmMicros, infraMicros, totalMicros: llmMicros + infraMicros };
}
