/**
 * Monthly cost projection per volume tier (the report's section 5.3): LLM cost scales with requests,
 * infrastructure is a fixed monthly amount (instances are billed by the hour, not by the call).
 */
import { divideRoundHalfUp, exactCount, safeNumber } from "./money.ts";

/** The report's month. */
export const DAYS_PER_MONTH = 30;

/** A volume tier to project. */
export interface VolumeTier {
  readonly dailyRequests: number;
  /** Average LLM cost of one request, µ$ (cache hits included, so it is below one model call's cost). */
  readonly perRequestLlmMicros: number;
  /** Fixed infrastructure per month, µ$. */
  readonly monthlyInfraMicros: number;
  /** Defaults to DAYS_PER_MONTH. */
  readonly daysPerMonth?: number;
}

/** One month of a tier, in µ$. */
export interface MonthlyProjection {
  readonly monthlyRequests: number;
  readonly llmMicros: number;
  readonly infraMicros: number;
  /** Exactly `llmMicros + infraMicros`. */
  readonly totalMicros: number;
  /** `totalMicros / monthlyRequests`, rounded half up (0 for a tier with no requests). */
  readonly perRequestMicros: number;
}

/** A tier's month: requests × per-request LLM cost, plus the fixed infrastructure. */
export function monthlyProjection(tier: VolumeTier): MonthlyProjection {
  const requests =
    exactCount("dailyRequests", tier.dailyRequests) *
    exactCount("daysPerMonth", tier.daysPerMonth ?? DAYS_PER_MONTH);
  const llm = requests * exactCount("perRequestLlmMicros", tier.perRequestLlmMicros);
  const infra = exactCount("monthlyInfraMicros", tier.monthlyInfraMicros);
  const total = llm + infra;
  return {
    monthlyRequests: safeNumber(requests),
    llmMicros: safeNumber(llm),
    infraMicros: safeNumber(infra),
    totalMicros: safeNumber(total),
    perRequestMicros: requests === 0n ? 0 : safeNumber(divideRoundHalfUp(total, requests)),
  };
}

/** The per-request cost (µ$, rounded half up) a monthly amount implies at `dailyRequests` a day. */
export function impliedPerRequestMicros(
  monthlyMicros: number,
  dailyRequests: number,
  daysPerMonth: number = DAYS_PER_MONTH,
): number {
  const requests = exactCount("dailyRequests", dailyRequests) * exactCount("daysPerMonth", daysPerMonth);
  if (requests === 0n) return 0;
  return safeNumber(divideRoundHalfUp(exactCount("monthlyMicros", monthlyMicros), requests));
}
