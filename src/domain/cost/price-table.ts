/**
 * Price table as data. Every price is integer micro-dollars per million units (tokens, Redis ops,
 * Postgres queries, requests), so units × price is an exact integer of pico-dollars (see money.ts):
 * $3 per million tokens = 3_000_000; $0.002 per 1K Redis ops = $2 per million = 2_000_000.
 */
import { MODEL_IDS, OFFLINE_MODEL_ID } from "../models.ts";
import { UnknownModelError } from "./cost-errors.ts";

/** One model's prices, in µ$ per million tokens. */
export interface ModelPrices {
  readonly input: number;
  readonly output: number;
  /** Prompt-cache write with the 5-minute TTL (list: 1.25 × input). */
  readonly cacheWrite5m: number;
  /** Prompt-cache write with the 1-hour TTL (list: 2 × input). */
  readonly cacheWrite1h: number;
  /** Prompt-cache read (list: 0.1 × input). */
  readonly cacheRead: number;
}

/** Infrastructure unit prices, in µ$ per million units. */
export interface InfraPrices {
  readonly redisOp: number;
  readonly postgresQuery: number;
  readonly request: number;
}

/** The names of the shipped price profiles. */
export type PriceProfileName = "list-2026" | "report-2026-02";

/** A complete set of prices: every model EnterpriseHub can call, and its infrastructure. */
export interface PriceProfile {
  readonly name: PriceProfileName;
  /** Keyed by model id as the Messages API names it (see models.ts). */
  readonly models: Readonly<Record<string, ModelPrices>>;
  readonly infra: InfraPrices;
}

/** Input / output in µ$ per million tokens, with the list cache multipliers (×1.25, ×2, ×0.1) written out. */
const prices = (
  input: number,
  output: number,
  cacheWrite5m: number,
  cacheWrite1h: number,
  cacheRead: number,
) => Object.freeze({ input, output, cacheWrite5m, cacheWrite1h, cacheRead });

/** The rules-based model runs in-process: no LLM dollars (its compute is in the infra cost). */
const OFFLINE = prices(0, 0, 0, 0, 0);

/** Report section 5.2: Redis $0.002 / 1K ops, PostgreSQL $0.005 / 1K queries, compute $0.004 / 1K requests. */
const REPORT_INFRA: InfraPrices = Object.freeze({
  redisOp: 2_000_000,
  postgresQuery: 5_000_000,
  request: 4_000_000,
});

const LIST_OPUS = prices(5_000_000, 25_000_000, 6_250_000, 10_000_000, 500_000);

/**
 * Anthropic list prices, 2026 (USD / million tokens): Haiku 4.5 1 / 5, Sonnet 4.5 3 / 15, Opus 4.5 5 / 25.
 * Anthropic publishes no infrastructure prices, so this profile reuses the report's.
 */
export const LIST_2026: PriceProfile = Object.freeze({
  name: "list-2026",
  models: Object.freeze({
    [MODEL_IDS.haiku]: prices(1_000_000, 5_000_000, 1_250_000, 2_000_000, 100_000),
    [MODEL_IDS.sonnet]: prices(3_000_000, 15_000_000, 3_750_000, 6_000_000, 300_000),
    [MODEL_IDS.opus]: LIST_OPUS,
    [OFFLINE_MODEL_ID]: OFFLINE,
  }),
  infra: REPORT_INFRA,
});

/**
 * The report's own assumptions (section 5.2, Feb 2026). Where it is silent we fill in, and say so:
 * Haiku output is Haiku 3's list $1.25 / M (to go with its $0.25 input, which is Haiku 3's too);
 * Opus is the list price; cache write / read apply the list multipliers to the report's input prices.
 */
export const REPORT_2026_02: PriceProfile = Object.freeze({
  name: "report-2026-02",
  models: Object.freeze({
    [MODEL_IDS.haiku]: prices(250_000, 1_250_000, 312_500, 500_000, 25_000),
    [MODEL_IDS.sonnet]: prices(3_000_000, 15_000_000, 3_750_000, 6_000_000, 300_000),
    [MODEL_IDS.opus]: LIST_OPUS,
    [OFFLINE_MODEL_ID]: OFFLINE,
  }),
  infra: REPORT_INFRA,
});

/** The shipped profiles by name. */
export const PRICE_PROFILES: Readonly<Record<PriceProfileName, PriceProfile>> = Object.freeze({
  "list-2026": LIST_2026,
  "report-2026-02": REPORT_2026_02,
});

/** A dated snapshot id ("claude-sonnet-4-5-20250929", what the API reports serving) is priced as its alias. */
const SNAPSHOT_DATE = /-\d{8}$/;

/** The prices of `model` in `profile`; throws UnknownModelError for a model the profile does not list. */
export function priceOf(profile: PriceProfile, model: string): ModelPrices {
  for (const id of [model, model.replace(SNAPSHOT_DATE, "")]) {
    // hasOwn, so "constructor" or "__proto__" is an unknown model rather than an Object.prototype member.
    if (Object.hasOwn(profile.models, id)) return profile.models[id]!;
  }
  throw new UnknownModelError(model, profile.name);
}
