/**
 * What the cache saves in LLM spend (the report's sections 3.5 and 5.4). Each tier's hit rate is its
 * share of ALL requests, in cascade order, in basis points (1 bp = 0.01 %, so 59.08 % = 5908) to keep
 * the arithmetic exact. "With L1..Lk" assumes the tiers below k are absent and their hits become misses.
 */
import { InvalidCostInputError } from "./cost-errors.ts";
import { divideRoundHalfUp, exactCount, safeNumber } from "./money.ts";
import { DAYS_PER_MONTH } from "./projections.ts";

/** Basis points in a whole. */
export const BP_PER_WHOLE = 10_000;

/** The traffic and price to evaluate the cache against. */
export interface CachingSavingsInput {
  readonly dailyRequests: number;
  /** What one uncached request costs in LLM calls, µ$. */
  readonly costPerCallMicros: number;
  /** Each tier's hits as a share of all requests, bp, L1 first; they sum to at most 10,000. */
  readonly hitRatesBp: readonly number[];
  /** Defaults to DAYS_PER_MONTH. */
  readonly daysPerMonth?: number;
}

/** The cost with the first `tiers` cache tiers in place (0 = no cache). Amounts in µ$. */
export interface CacheScenario {
  /** "none", "L1", "L1+L2", ... */
  readonly label: string;
  readonly tiers: number;
  /** Requests answered by the cache, bp; also the share of LLM spend saved. */
  readonly hitBp: number;
  /** Requests that still reach the model per day (may be fractional: an average). */
  readonly llmCallsPerDay: number;
  readonly dailyMicros: number;
  readonly monthlyMicros: number;
  /** No-cache daily cost minus this scenario's. */
  readonly savedDailyMicros: number;
  /** No-cache monthly cost minus this scenario's. */
  readonly savedMonthlyMicros: number;
}

/** The no-cache scenario followed by one scenario per added tier; each amount rounded half up from exact. */
export function cachingSavings(input: CachingSavingsInput): CacheScenario[] {
  const daily = exactCount("dailyRequests", input.dailyRequests);
  const cost = exactCount("costPerCallMicros", input.costPerCallMicros);
  const days = exactCount("daysPerMonth", input.daysPerMonth ?? DAYS_PER_MONTH);
  const rates = input.hitRatesBp.map((bp, i) => exactCount(`hitRatesBp[${i}]`, bp));
  const whole = BigInt(BP_PER_WHOLE);
  if (rates.reduce((a, b) => a + b, 0n) > whole) {
    throw new InvalidCostInputError(
      `hit rates sum to more than ${BP_PER_WHOLE} bp: ${input.hitRatesBp.join(" + ")}`,
    );
  }
  const scenarios: CacheScenario[] = [];
  let hit = 0n;
  for (let tiers = 0; tiers <= rates.length; tiers++) {
    if (tiers > 0) hit += rates[tiers - 1]!;
    const miss = whole - hit;
    // Round each amount from its exact value; savings are differences, so the columns add up.
    const dailyMicros = safeNumber(divideRoundHalfUp(daily * miss * cost, whole));
    const monthlyMicros = safeNumber(divideRoundHalfUp(daily * miss * cost * days, whole));
    const baseline = scenarios[0] ?? { dailyMicros, monthlyMicros };
    scenarios.push({
      label: tiers === 0 ? "none" : Array.from({ length: tiers }, (_, i) => `L${i + 1}`).join("+"),
      tiers,
      hitBp: Number(hit),
      llmCallsPerDay: Number(daily * miss) / BP_PER_WHOLE,
      dailyMicros,
      monthlyMicros,
      savedDailyMicros: baseline.dailyMicros - dailyMicros,
      savedMonthlyMicros: baseline.monthlyMicros - monthlyMicros,
    });
  }
  return scenarios;
}
