/**
 * Report section 5.1's per-operation LLM costs, checked against the price profiles rather than copied.
 * Finding: with the report's own 5.2 prices (Haiku $0.25 in, Sonnet $3 / $15) no input / output split of
 * the stated token counts gives the stated LLM cost: the first three rows imply $20 per million tokens
 * blended, above even all-output Sonnet ($15 / M). Only Opus ($5 / $25, list price in both profiles)
 * reproduces each figure exactly, and only at output-heavy splits (75 % output for qualification and
 * bot replies), which is not what a qualification prompt looks like. RAG's $0.035 for 2,500 tokens is
 * $14 / M: Sonnet gets no exact split, only 167-250 input tokens (≥ 90 % output) round to $0.035.
 */
import { describe, expect, it } from "vitest";
import { infraCost, llmCost, llmCostPicos } from "../../../src/domain/cost/cost-calculator.ts";
import { PRICE_PROFILES, type PriceProfile, REPORT_2026_02 } from "../../../src/domain/cost/price-table.ts";
import { MODEL_IDS } from "../../../src/domain/models.ts";

/** Every [input, output] split of `total` tokens whose exact cost is `micros`. */
function exactSplits(
  profile: PriceProfile,
  model: string,
  total: number,
  micros: number,
): Array<[number, number]> {
  const splits: Array<[number, number]> = [];
  for (let input = 0; input <= total; input++) {
    const usage = {
      inputTokens: input,
      outputTokens: total - input,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
    };
    if (llmCostPicos(profile, model, usage) === BigInt(micros) * 1_000_000n)
      splits.push([input, total - input]);
  }
  return splits;
}

const TABLE_5_1 = [
  { operation: "Lead Qualification", tokens: 1_200, llmMicros: 24_000, opus: [[300, 900]] },
  { operation: "Bot Response (cached)", tokens: 200, llmMicros: 4_000, opus: [[50, 150]] },
  { operation: "Bot Response (uncached)", tokens: 800, llmMicros: 16_000, opus: [[200, 600]] },
  { operation: "RAG Query", tokens: 2_500, llmMicros: 35_000, opus: [[1_375, 1_125]] },
];

describe("report 5.1 per-operation LLM costs", () => {
  it("imply $20, $20, $20 and $14 per million tokens blended", () => {
    // µ$ per token is $ per million tokens.
    expect(TABLE_5_1.map((r) => r.llmMicros / r.tokens)).toEqual([20, 20, 20, 14]);
  });

  describe.each(Object.values(PRICE_PROFILES))("under $name", (profile) => {
    it.each(TABLE_5_1)("$operation: no Haiku or Sonnet split gives it exactly", (row) => {
      expect(exactSplits(profile, MODEL_IDS.haiku, row.tokens, row.llmMicros)).toEqual([]);
      expect(exactSplits(profile, MODEL_IDS.sonnet, row.tokens, row.llmMicros)).toEqual([]);
    });

    it.each(TABLE_5_1)("$operation: only Opus gives it, at $opus (input, output)", (row) => {
      expect(exactSplits(profile, MODEL_IDS.opus, row.tokens, row.llmMicros)).toEqual(row.opus);
    });
  });

  it("all-output Sonnet, the dearest report-priced case, still falls short of the first three rows", () => {
    const allOutput = (n: number) => ({
      inputTokens: 0,
      outputTokens: n,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
    });
    const sonnet = (n: number) => llmCost(REPORT_2026_02, MODEL_IDS.sonnet, allOutput(n));
    expect([sonnet(1_200), sonnet(200), sonnet(800)]).toEqual([18_000, 3_000, 12_000]);
  });

  it("RAG's $0.035 is Sonnet only to the tenth of a cent, and only with 167-250 of 2,500 tokens as input", () => {
    const rounded: number[] = [];
    for (let input = 0; input <= 2_500; input++) {
      const usage = {
        inputTokens: input,
        outputTokens: 2_500 - input,
        cacheWriteTokens: 0,
        cacheReadTokens: 0,
      };
      if (Math.round(llmCost(REPORT_2026_02, MODEL_IDS.sonnet, usage) / 1_000) === 35) rounded.push(input);
    }
    expect([rounded[0], rounded[rounded.length - 1], rounded.length]).toEqual([167, 250, 84]);
  });

  it("the infra column is not 5.2's unit costs either: a qualification's few ops cost $0.00002, not $0.008", () => {
    // One request, three Redis ops (L2 get + two sets), two Postgres queries (L3 get + lead save).
    expect(infraCost(REPORT_2026_02, { redisOps: 3, postgresQueries: 2, requests: 1 })).toBe(20);
    // $0.008 would take 2,000 requests' worth of compute at $0.004 per 1K.
    expect(infraCost(REPORT_2026_02, { redisOps: 0, postgresQueries: 0, requests: 2_000 })).toBe(8_000);
  });
});
