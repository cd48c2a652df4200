import { describe, expect, it } from "vitest";
import { buildCostReport } from "../../src/domain/cost-report.ts";
import type { CostSummaryRow } from "../../src/ports/cost-ledger.ts";

const row = (
  operation: string,
  model: string | null,
  count: number,
  llmMicros: number,
  infraMicros: number,
): CostSummaryRow => ({
  operation,
  model,
  count,
  inputTokens: 0,
  outputTokens: 0,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  llmMicros,
  infraMicros,
});

describe("buildCostReport", () => {
  it("totals the ledger and formats each row in dollars", () => {
    const r = buildCostReport([
      row("lead_qualification", "claude-sonnet-4-5", 10, 240_000, 80_000),
      row("crm_sync", null, 4, 0, 12_000),
    ]);
    expect(r.totals).toEqual({ count: 14, llmMicros: 240_000, infraMicros: 92_000, total: "$0.332" });
    expect(r.rows[0]?.total).toBe("$0.32");
  });

  it("projects the observed per-request LLM cost onto the report's tiers (reproduces section 5.3 at $0.008)", () => {
    // 100 qualifications averaging $0.008 of LLM each: the Starter row of the report's 5.3 table.
    const r = buildCostReport([row("lead_qualification", "claude-sonnet-4-5", 100, 800_000, 0)]);
    expect(r.perRequestLlmMicros).toBe(8_000);
    expect(r.projections[0]).toMatchObject({
      tier: "Starter",
      monthlyLlm: "$120.00",
      monthlyInfra: "$45.00",
      monthlyTotal: "$165.00",
      perRequest: "$0.011",
    });
  });

  it("leaves operations without an LLM call (CRM sync) out of the per-request average", () => {
    const r = buildCostReport([
      row("lead_qualification", "x", 1, 10_000, 0),
      row("crm_sync", null, 99, 0, 3_000),
    ]);
    expect(r.perRequestLlmMicros).toBe(10_000);
  });

  it("reports zero, not NaN, for an empty ledger", () => {
    const r = buildCostReport([]);
    expect(r.perRequestLlmMicros).toBe(0);
    expect(r.totals.total).toBe("$0.00");
  });
});
