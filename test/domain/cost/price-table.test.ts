import { describe, expect, it } from "vitest";
import { UnknownModelError } from "../../../src/domain/cost/cost-errors.ts";
import {
  LIST_2026,
  type ModelPrices,
  PRICE_PROFILES,
  priceOf,
  REPORT_2026_02,
} from "../../../src/domain/cost/price-table.ts";
import { MODEL_IDS, OFFLINE_MODEL_ID } from "../../../src/domain/models.ts";

const profiles = Object.values(PRICE_PROFILES);
const claudeIds = Object.values(MODEL_IDS);
const usd = (dollarsPerMillion: number) => dollarsPerMillion * 1_000_000;

describe("the price table", () => {
  it.each(profiles)("$name prices every model EnterpriseHub routes to, and the offline model", (profile) => {
    expect(Object.keys(profile.models).sort()).toEqual([...claudeIds, OFFLINE_MODEL_ID].sort());
  });

  it("list-2026 holds Anthropic's list prices (USD per million tokens)", () => {
    const inOut = (p: ModelPrices) => [p.input, p.output];
    expect(inOut(priceOf(LIST_2026, MODEL_IDS.haiku))).toEqual([usd(1), usd(5)]);
    expect(inOut(priceOf(LIST_2026, MODEL_IDS.sonnet))).toEqual([usd(3), usd(15)]);
    expect(inOut(priceOf(LIST_2026, MODEL_IDS.opus))).toEqual([usd(5), usd(25)]);
  });

  it("report-2026-02 holds the report's 5.2 prices, with Haiku 3's output and list Opus where it is silent", () => {
    expect(priceOf(REPORT_2026_02, MODEL_IDS.haiku)).toMatchObject({ input: usd(0.25), output: usd(1.25) });
    expect(priceOf(REPORT_2026_02, MODEL_IDS.sonnet)).toMatchObject({ input: usd(3), output: usd(15) });
    expect(priceOf(REPORT_2026_02, MODEL_IDS.opus)).toEqual(priceOf(LIST_2026, MODEL_IDS.opus));
  });

  it.each(profiles)(
    "$name prices infrastructure as the report does ($0.002 / $0.005 / $0.004 per 1K)",
    (profile) => {
      // µ$ per million units ÷ 1,000 = µ$ per thousand units; 2,000 µ$ = $0.002.
      expect(profile.infra.redisOp / 1_000).toBe(2_000);
      expect(profile.infra.postgresQuery / 1_000).toBe(5_000);
      expect(profile.infra.request / 1_000).toBe(4_000);
    },
  );

  it.each(profiles)(
    "$name applies the cache multipliers exactly: write ×1.25 (5 min) or ×2 (1 h), read ×0.1",
    (p) => {
      for (const id of claudeIds) {
        const m = priceOf(p, id);
        expect(m.cacheWrite5m * 4).toBe(m.input * 5);
        expect(m.cacheWrite1h).toBe(m.input * 2);
        expect(m.cacheRead * 10).toBe(m.input);
      }
    },
  );

  it.each(profiles)(
    "$name makes a cache read never dearer than fresh input, and a cache write never cheaper",
    (p) => {
      for (const m of Object.values(p.models)) {
        expect(m.cacheRead).toBeLessThanOrEqual(m.input);
        expect(m.cacheWrite5m).toBeGreaterThanOrEqual(m.input);
        expect(m.cacheWrite1h).toBeGreaterThanOrEqual(m.cacheWrite5m);
      }
    },
  );

  it.each(profiles)("$name stores every price as a non-negative integer, so token × price is exact", (p) => {
    const all = [...Object.values(p.models).flatMap((m) => Object.values(m)), ...Object.values(p.infra)];
    for (const price of all) expect(Number.isSafeInteger(price) && price >= 0).toBe(true);
  });

  it.each(profiles)("$name gives the offline model away", (p) => {
    expect(Object.values(priceOf(p, OFFLINE_MODEL_ID))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("looking up a model", () => {
  it("prices a dated snapshot, as the API reports it, like its alias", () => {
    expect(priceOf(LIST_2026, "claude-sonnet-4-5-20250929")).toBe(priceOf(LIST_2026, MODEL_IDS.sonnet));
  });

  it.each(["gpt-4o", "claude-sonnet-4", "", "constructor", "__proto__", "claude-sonnet-4-5-2025"])(
    "throws unknown_model for %j, never a zero price",
    (model) => {
      const attempt = () => priceOf(LIST_2026, model);
      expect(attempt).toThrow(UnknownModelError);
      expect(attempt).toThrow(
        expect.objectContaining({ code: "unknown_model", model, profile: "list-2026" }),
      );
    },
  );
});
