/**
 * Sections 3.5 and 5.1–5.4 under one price profile, computed by the domain's cost calculator from the
 * token and infra usage the runners recorded (never copied from the report). A cache miss costs one
 * lead qualification's LLM call; the average request costs that times the cache benchmark's miss share.
 */
import { cachingSavings } from "../../src/domain/cost/caching-savings.ts";
import { operationCost } from "../../src/domain/cost/cost-calculator.ts";
import { divideRoundHalfUp, safeNumber } from "../../src/domain/cost/money.ts";
import type { PriceProfile } from "../../src/domain/cost/price-table.ts";
import { monthlyProjection } from "../../src/domain/cost/projections.ts";
import { VOLUME_TIERS } from "../../src/domain/cost-report.ts";
import { COST_TARGETS, MARGINAL_PERCENT } from "../thresholds.ts";
import { IncompleteResultsError } from "./incomplete-results-error.ts";
import type { OperationCostRow, ProfileCosts } from "./report-model.ts";
import type { BenchResults, CacheResult, OperationUsageResult } from "./types.ts";
import { OPERATION_IDS } from "./types.ts";

/** Sections 3.5 and 5.4 price the cache at this many requests a day, as the report does. */
export const SAVINGS_DAILY_REQUESTS = 10_000;

/** PASS under the target, MARGINAL up to MARGINAL_PERCENT over it, FAIL beyond. */
export function costStatus(totalMicros: number, targetMicros: number): OperationCostRow["status"] {
  if (totalMicros < targetMicros) return "PASS";
  return totalMicros * 100 <= targetMicros * (100 + MARGINAL_PERCENT) ? "MARGINAL" : "FAIL";
}

/** One operation's row of section 5.1. */
export function operationCostRow(profile: PriceProfile, row: OperationUsageResult): OperationCostRow {
  const cost = operationCost(profile, row.usage);
  const usage = row.usage.llm?.usage;
  const tokens = usage
    ? usage.inputTokens + usage.outputTokens + usage.cacheWriteTokens + usage.cacheReadTokens
    : 0;
  const { label, targetMicros } = COST_TARGETS[row.operation];
  return {
    operation: row.operation,
    label,
    tokens,
    ...cost,
    targetMicros,
    status: costStatus(cost.totalMicros, targetMicros),
    provenance: row.provenance,
  };
}

/**
 * Each tier's hits as basis points of all operations, L1 first. Rounded cumulatively, so the sum is
 * the rounded overall hit rate and never exceeds 10,000.
 */
export function hitRatesBp(cache: CacheResult): number[] {
  let cumulativeHits = 0;
  let previousBp = 0;
  return cache.tiers.map((tier) => {
    cumulativeHits += tier.hits;
    const bp = safeNumber(divideRoundHalfUp(BigInt(cumulativeHits) * 10_000n, BigInt(cache.operations)));
    const share = bp - previousBp;
    previousBp = bp;
    return share;
  });
}

/** Every cost table of the report under `profile`. */
export function profileCosts(results: BenchResults, profile: PriceProfile): ProfileCosts {
  const operations = OPERATION_IDS.flatMap((id) => {
    const row = results.costs.find((c) => c.operation === id);
    return row ? [operationCostRow(profile, row)] : [];
  });
  const qualification = operations.find((o) => o.operation === "lead_qualification");
  if (!qualification) {
    throw new IncompleteResultsError("costs have no lead_qualification usage: the cache cannot be priced");
  }
  const { cache } = results;
  const costPerCallMicros = qualification.llmMicros;
  const perRequestLlmMicros = safeNumber(
    divideRoundHalfUp(BigInt(costPerCallMicros) * BigInt(cache.misses), BigInt(cache.operations)),
  );
  const projections = VOLUME_TIERS.map((tier) => {
    const { dailyRequests, monthlyInfraMicros } = tier;
    const month = monthlyProjection({ dailyRequests, perRequestLlmMicros, monthlyInfraMicros });
    const { llmMicros, infraMicros, totalMicros, perRequestMicros } = month;
    return { tier: tier.name, dailyRequests, llmMicros, infraMicros, totalMicros, perRequestMicros };
  });
  const savings = cachingSavings({
    dailyRequests: SAVINGS_DAILY_REQUESTS,
    costPerCallMicros,
    hitRatesBp: hitRatesBp(cache),
  });
  return { profile: profile.name, operations, costPerCallMicros, perRequestLlmMicros, projections, savings };
}
