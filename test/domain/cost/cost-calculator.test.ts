import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  infraCost,
  infraCostPicos,
  llmCost,
  llmCostPicos,
  operationCost,
} from "../../../src/domain/cost/cost-calculator.ts";
import { InvalidCostInputError, UnknownModelError } from "../../../src/domain/cost/cost-errors.ts";
import { LIST_2026, PRICE_PROFILES, REPORT_2026_02 } from "../../../src/domain/cost/price-table.ts";
import { MODEL_IDS, OFFLINE_MODEL_ID } from "../../../src/domain/models.ts";
import type { TokenUsage } from "../../../src/ports/language-model.ts";

const tokens = (t: Partial<TokenUsage>): TokenUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  ...t,
});
const { haiku, sonnet, opus } = MODEL_IDS;

describe("LLM cost", () => {
  it("prices input and output per million tokens: Sonnet 1,000 in + 500 out = $0.0105", () => {
    expect(llmCost(LIST_2026, sonnet, tokens({ inputTokens: 1_000, outputTokens: 500 }))).toBe(10_500);
  });

  it("prices cache writes by TTL (5 minutes by default) and cache reads at a tenth of input", () => {
    const write = tokens({ cacheWriteTokens: 10_000 });
    expect(llmCost(LIST_2026, sonnet, write)).toBe(37_500);
    expect(llmCost(LIST_2026, sonnet, write, "5m")).toBe(37_500);
    expect(llmCost(LIST_2026, sonnet, write, "1h")).toBe(60_000);
    expect(llmCost(LIST_2026, sonnet, tokens({ cacheReadTokens: 10_000 }))).toBe(3_000);
  });

  it("keeps fractions of a micro-dollar exact and rounds once, half up", () => {
    // Report Haiku input is $0.25 / M: a token costs 0.25 µ$.
    expect(llmCostPicos(REPORT_2026_02, haiku, tokens({ inputTokens: 1 }))).toBe(250_000n);
    expect(llmCost(REPORT_2026_02, haiku, tokens({ inputTokens: 1 }))).toBe(0);
    expect(llmCost(REPORT_2026_02, haiku, tokens({ inputTokens: 2 }))).toBe(1);
    expect(llmCost(REPORT_2026_02, haiku, tokens({ inputTokens: 3 }))).toBe(1);
  });

  it("charges nothing for the offline model", () => {
    const lots = tokens({ inputTokens: 1e6, outputTokens: 1e6, cacheWriteTokens: 1e6, cacheReadTokens: 1e6 });
    expect(llmCost(LIST_2026, OFFLINE_MODEL_ID, lots)).toBe(0);
  });

  it("throws unknown_model for a model without a price, even with zero tokens", () => {
    expect(() => llmCost(LIST_2026, "gpt-4o", tokens({ inputTokens: 1 }))).toThrow(UnknownModelError);
    expect(() => llmCost(LIST_2026, "gpt-4o", tokens({}))).toThrow(
      expect.objectContaining({ code: "unknown_model" }),
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses a token count of %s", (n) => {
    expect(() => llmCost(LIST_2026, sonnet, tokens({ outputTokens: n }))).toThrow(InvalidCostInputError);
  });

  it("refuses an unknown cache TTL rather than guessing one", () => {
    expect(() => llmCost(LIST_2026, sonnet, tokens({}), "2h" as "1h")).toThrow(InvalidCostInputError);
  });

  it("stays exact beyond what a float of pico-dollars could hold", () => {
    const huge = tokens({ outputTokens: Number.MAX_SAFE_INTEGER });
    expect(llmCostPicos(LIST_2026, opus, huge)).toBe(BigInt(Number.MAX_SAFE_INTEGER) * 25_000_000n);
  });
});

describe("infrastructure and operation cost", () => {
  it("prices Redis ops, Postgres queries and requests at the report's unit costs", () => {
    // 3 × 2 µ$ + 2 × 5 µ$ + 1 × 4 µ$
    expect(infraCost(REPORT_2026_02, { redisOps: 3, postgresQueries: 2, requests: 1 })).toBe(20);
    expect(infraCost(REPORT_2026_02, { redisOps: 1_000, postgresQueries: 0, requests: 0 })).toBe(2_000);
  });

  it("adds LLM and infrastructure, each rounded once", () => {
    const cost = operationCost(REPORT_2026_02, {
      llm: { model: sonnet, usage: tokens({ inputTokens: 1_000, outputTokens: 200 }) },
      infra: { redisOps: 2, postgresQueries: 1, requests: 1 },
    });
    expect(cost).toEqual({ llmMicros: 6_000, infraMicros: 13, totalMicros: 6_013 });
  });

  it("costs an operation without a model call (CRM sync, health) as infrastructure only", () => {
    const cost = operationCost(LIST_2026, { infra: { redisOps: 0, postgresQueries: 1, requests: 1 } });
    expect(cost).toEqual({ llmMicros: 0, infraMicros: 9, totalMicros: 9 });
  });
});

describe("cost invariants", () => {
  const count = fc.integer({ min: 0, max: 5_000_000 });
  const usage = fc.record({
    inputTokens: count,
    outputTokens: count,
    cacheWriteTokens: count,
    cacheReadTokens: count,
  });
  const infra = fc.record({ redisOps: count, postgresQueries: count, requests: count });
  const profile = fc.constantFrom(...Object.values(PRICE_PROFILES));
  const model = fc.constantFrom(haiku, sonnet, opus, OFFLINE_MODEL_ID, "claude-opus-4-5-20251101");
  const ttl = fc.constantFrom<"5m" | "1h">("5m", "1h");
  const field = fc.constantFrom<keyof TokenUsage>(
    "inputTokens",
    "outputTokens",
    "cacheWriteTokens",
    "cacheReadTokens",
  );
  const sum = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  });

  it("exact LLM cost is additive: cost(a + b) = cost(a) + cost(b)", () => {
    fc.assert(
      fc.property(profile, model, ttl, usage, usage, (p, m, t, a, b) => {
        expect(llmCostPicos(p, m, sum(a, b), t)).toBe(llmCostPicos(p, m, a, t) + llmCostPicos(p, m, b, t));
      }),
      { numRuns: 300 },
    );
  });

  it("rounded LLM cost of a + b is within one micro-dollar of the rounded parts' sum", () => {
    fc.assert(
      fc.property(profile, model, ttl, usage, usage, (p, m, t, a, b) => {
        const drift = llmCost(p, m, sum(a, b), t) - (llmCost(p, m, a, t) + llmCost(p, m, b, t));
        expect(Math.abs(drift)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("exact infrastructure cost is additive over operations", () => {
    fc.assert(
      fc.property(profile, infra, infra, (p, a, b) => {
        const ab = {
          redisOps: a.redisOps + b.redisOps,
          postgresQueries: a.postgresQueries + b.postgresQueries,
          requests: a.requests + b.requests,
        };
        expect(infraCostPicos(p, ab)).toBe(infraCostPicos(p, a) + infraCostPicos(p, b));
      }),
      { numRuns: 300 },
    );
  });

  it("cost never falls when any token count rises", () => {
    fc.assert(
      fc.property(
        profile,
        model,
        ttl,
        usage,
        field,
        fc.integer({ min: 1, max: 1_000_000 }),
        (p, m, t, u, f, more) => {
          const bigger = { ...u, [f]: u[f] + more };
          expect(llmCostPicos(p, m, bigger, t) >= llmCostPicos(p, m, u, t)).toBe(true);
          expect(llmCost(p, m, bigger, t)).toBeGreaterThanOrEqual(llmCost(p, m, u, t));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a token read from the cache never costs more than the same token sent fresh", () => {
    fc.assert(
      fc.property(profile, model, ttl, usage, (p, m, t, u) => {
        const asRead = { ...u, inputTokens: 0, cacheReadTokens: u.cacheReadTokens + u.inputTokens };
        expect(llmCostPicos(p, m, asRead, t) <= llmCostPicos(p, m, u, t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a token written to the cache never costs less than the same token sent fresh, and 1 h >= 5 min", () => {
    fc.assert(
      fc.property(profile, model, usage, (p, m, u) => {
        const asWrite = { ...u, inputTokens: 0, cacheWriteTokens: u.cacheWriteTokens + u.inputTokens };
        expect(llmCostPicos(p, m, asWrite) >= llmCostPicos(p, m, u)).toBe(true);
        expect(llmCostPicos(p, m, u, "1h") >= llmCostPicos(p, m, u, "5m")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("an operation's total is exactly its LLM part plus its infrastructure part", () => {
    fc.assert(
      fc.property(profile, model, usage, infra, (p, m, u, i) => {
        const cost = operationCost(p, { llm: { model: m, usage: u }, infra: i });
        expect(cost.totalMicros).toBe(cost.llmMicros + cost.infraMicros);
        expect(cost.llmMicros).toBe(llmCost(p, m, u));
      }),
      { numRuns: 200 },
    );
  });

  it("any model id outside the table is an error, never $0", () => {
    const known = new Set(Object.keys(LIST_2026.models));
    fc.assert(
      fc.property(
        fc.string().filter((s) => !known.has(s.replace(/-\d{8}$/, ""))),
        usage,
        (m, u) => {
          expect(() => llmCost(LIST_2026, m, u)).toThrow(UnknownModelError);
        },
      ),
      { numRuns: 300 },
    );
  });
});
