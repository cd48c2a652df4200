import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../bench/report/build-report.ts";
import { costStatus, hitRatesBp, operationCostRow, profileCosts } from "../../bench/report/cost-tables.ts";
import { IncompleteResultsError } from "../../bench/report/incomplete-results-error.ts";
import { LIST_2026, REPORT_2026_02 } from "../../src/domain/cost/price-table.ts";
import { MODEL_IDS } from "../../src/domain/models.ts";
import { latency, publishedLikeResults } from "./fixtures.ts";

describe("per-operation costs (5.1)", () => {
  it("prices a qualification with the domain calculator: Sonnet 900 in / 300 out = $0.0072, 3 Redis ops + 2 queries + 1 request = $0.00002", () => {
    const row = operationCostRow(LIST_2026, publishedLikeResults().costs[0]!);
    expect(row).toMatchObject({
      tokens: 1_200,
      llmMicros: 7_200,
      infraMicros: 20,
      totalMicros: 7_220,
      status: "PASS",
    });
  });

  it("the two profiles differ where their prices do (Haiku), and agree where they do not (Sonnet)", () => {
    const results = publishedLikeResults();
    const [list, report] = [profileCosts(results, LIST_2026), profileCosts(results, REPORT_2026_02)];
    const llm = (p: typeof list, op: string) => p.operations.find((o) => o.operation === op)!.llmMicros;
    // Haiku 40 in, 60 out, 100 cache-read: list 40 + 300 + 10 = 350 µ$; report 10 + 75 + 2.5 → 88 µ$.
    expect([llm(list, "bot_response_cached"), llm(report, "bot_response_cached")]).toEqual([350, 88]);
    expect(llm(list, "lead_qualification")).toBe(llm(report, "lead_qualification"));
  });

  it("is PASS under the target, MARGINAL up to 10 % over, FAIL beyond", () => {
    expect([19_999, 20_000, 22_000, 22_001].map((t) => costStatus(t, 20_000))).toEqual([
      "PASS",
      "MARGINAL",
      "MARGINAL",
      "FAIL",
    ]);
  });

  it("reproduces the report's $0.024 qualification only with Opus at 300 in / 900 out", () => {
    const usage = { inputTokens: 300, outputTokens: 900, cacheWriteTokens: 0, cacheReadTokens: 0 };
    const row = operationCostRow(LIST_2026, {
      operation: "lead_qualification",
      samples: 1,
      usage: {
        llm: { model: MODEL_IDS.opus, usage },
        infra: { redisOps: 0, postgresQueries: 0, requests: 0 },
      },
      provenance: "measured",
    });
    // The report's $0.024 is exactly Opus at 300 in / 900 out (see test/domain/cost/report-operation-costs.test.ts).
    expect(row).toMatchObject({ llmMicros: 24_000, status: "PASS", provenance: "measured" });
  });
});

describe("cache pricing (3.5, 5.3, 5.4)", () => {
  it("prices a miss as one qualification's LLM call and the average request by the miss share", () => {
    const costs = profileCosts(publishedLikeResults(), LIST_2026);
    expect(costs.costPerCallMicros).toBe(7_200);
    expect(costs.perRequestLlmMicros).toBe(859); // 7,200 × 1,193 / 10,000 = 858.96
    expect(costs.savings.map((s) => s.label)).toEqual(["none", "L1", "L1+L2", "L1+L2+L3"]);
    expect(costs.savings.at(-1)!.llmCallsPerDay).toBe(1_193);
    expect(costs.projections.map((p) => [p.tier, p.llmMicros, p.totalMicros])).toEqual([
      ["Starter", 12_885_000, 57_885_000],
      ["Professional", 51_540_000, 146_540_000],
      ["Enterprise", 257_700_000, 507_700_000],
    ]);
  });

  it("per-tier basis points always sum to the rounded overall hit rate, never past 10,000", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        (operations, raw) => {
          let left = operations;
          const hits = raw.map((r) => {
            const h = r % (left + 1);
            left -= h;
            return h;
          });
          const tiers = (["L1", "L2", "L3"] as const).map((tier, i) => ({
            tier,
            lookups: operations,
            hits: hits[i]!,
            hitRate: hits[i]! / operations,
            latency: latency(1, 2, 3),
          }));
          const cache = { ...publishedLikeResults().cache, operations, tiers };
          const bp = hitRatesBp(cache);
          const total = bp.reduce((a, b) => a + b, 0);
          expect(total).toBe(Math.round(((operations - left) * 10_000) / operations));
          expect(total).toBeLessThanOrEqual(10_000);
          for (const b of bp) expect(b).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses results without a qualification's usage, with a stable code", () => {
    const results = { ...publishedLikeResults(), costs: publishedLikeResults().costs.slice(1) };
    expect(() => buildReport(results)).toThrow(IncompleteResultsError);
    try {
      buildReport(results);
    } catch (e) {
      expect((e as IncompleteResultsError).code).toBe("incomplete_results");
    }
  });

  it("the report prices every profile, the primary (list-2026) first", () => {
    expect(buildReport(publishedLikeResults()).costs.map((c) => c.profile)).toEqual([
      "list-2026",
      "report-2026-02",
    ]);
  });
});
