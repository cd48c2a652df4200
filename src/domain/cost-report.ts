import type { CostSummaryRow } from "../ports/cost-ledger.ts";
import { formatUsd } from "./cost/money.ts";
import { monthlyProjection } from "./cost/projections.ts";

/** The report's volume tiers (section 5.3) with their fixed monthly infrastructure. */
export const VOLUME_TIERS = [
  { name: "Starter", dailyRequests: 500, monthlyInfraMicros: 45_000_000 },
  { name: "Professional", dailyRequests: 2_000, monthlyInfraMicros: 95_000_000 },
  { name: "Enterprise", dailyRequests: 10_000, monthlyInfraMicros: 250_000_000 },
] as const;

export interface CostReport {
  rows: Array<CostSummaryRow & { llm: string; infra: string; total: string }>;
  totals: { count: number; llmMicros: number; infraMicros: number; total: string };
  /** Observed average LLM cost per billed request, µ$ (cache hits included). */
  perRequestLlmMicros: number;
  projections: Array<{
    tier: string;
    dailyRequests: number;
    monthlyLlm: string;
    monthlyInfra: string;
    monthlyTotal: string;
    perRequest: string;
  }>;
}

/** Totals a tenant's ledger and projects its observed per-request LLM cost onto the report's volume tiers. */
export function buildCostReport(
  rows: readonly CostSummaryRow[],
  operationsForAverage = ["lead_qualification", "bot_response"],
): CostReport {
  const count = rows.reduce((n, r) => n + r.count, 0);
  const llmMicros = rows.reduce((n, r) => n + r.llmMicros, 0);
  const infraMicros = rows.reduce((n, r) => n + r.infraMicros, 0);
  const requestRows = rows.filter((r) => operationsForAverage.includes(r.operation));
  const requests = requestRows.reduce((n, r) => n + r.count, 0);
  const perRequestLlmMicros =
    requests === 0 ? 0 : Math.round(requestRows.reduce((n, r) => n + r.llmMicros, 0) / requests);
  return {
    rows: rows.map((r) => ({
      ...r,
      llm: formatUsd(r.llmMicros),
      infra: formatUsd(r.infraMicros),
      total: formatUsd(r.llmMicros + r.infraMicros),
    })),
    totals: { count, llmMicros, infraMicros, total: formatUsd(llmMicros + infraMicros) },
    perRequestLlmMicros,
    projections: VOLUME_TIERS.map((t) => {
      const p = monthlyProjection({
        dailyRequests: t.dailyRequests,
        perRequestLlmMicros,
        monthlyInfraMicros: t.monthlyInfraMicros,
      });
      return {
        tier: t.name,
        dailyRequests: t.dailyRequests,
        monthlyLlm: formatUsd(p.llmMicros),
        monthlyInfra: formatUsd(p.infraMicros),
        monthlyTotal: formatUsd(p.totalMicros),
        perRequest: formatUsd(p.perRequestMicros),
      };
    }),
  };
}
