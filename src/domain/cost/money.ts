/**
 * Money units. Micro-dollars (µ$, 1 USD = 1,000,000) are what the ledger stores and reports show.
 * Pico-dollars (p$, 1 USD = 10^12) are the exact unit of a price product: prices are integer µ$ per
 * million units, so units × price is an integer number of p$, kept as a bigint so sums never lose a digit.
 *
 * Rounding rule: exact p$ are rounded to µ$ once, half up, at the end of an operation (or of a sum of
 * operations). Sums of p$ are exact; sums of rounded µ$ may differ from the rounded sum by < 1 µ$ per term.
 */
import { InvalidCostInputError } from "./cost-errors.ts";

/** Pico-dollars in one micro-dollar. */
export const PICOS_PER_MICRO = 1_000_000n;

/** Micro-dollars in one US dollar. */
export const MICROS_PER_USD = 1_000_000;

/** `numerator / denominator` (denominator > 0) rounded half up, i.e. towards +∞ on a tie. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new InvalidCostInputError(`denominator must be positive, got ${denominator}`);
  // bigint division truncates towards zero; floor first so negative amounts round the same way.
  let quotient = numerator / denominator;
  let remainder = numerator % denominator;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  return 2n * remainder >= denominator ? quotient + 1n : quotient;
}

/** Exact pico-dollars rounded half up to micro-dollars, as a safe integer. */
export function picosToMicros(picos: bigint): number {
  return safeNumber(divideRoundHalfUp(picos, PICOS_PER_MICRO));
}

/** A bigint amount as a number, refusing one that a number cannot hold exactly. */
export function safeNumber(amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new InvalidCostInputError(`amount ${amount} is too large to represent exactly`);
  }
  return Number(amount);
}

/** A non-negative safe integer count as a bigint; `what` names it in the error. */
export function exactCount(what: string, value: number): bigint {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    throw new InvalidCostInputError(`${what} must be a non-negative integer, got ${value}`);
  }
  return BigInt(value);
}

/**
 * Micro-dollars as US dollars, exactly (no rounding: a µ$ is the smallest amount there is):
 * comma-grouped dollars, then the fraction with trailing zeros dropped but at least cents.
 * 32_000 → "$0.032", 35_790_000 → "$35.79", 1_690_000_000 → "$1,690.00", 1 → "$0.000001", -5 → "-$0.000005".
 */
export function formatUsd(micros: number): string {
  if (!Number.isSafeInteger(micros))
    throw new InvalidCostInputError(`micro-dollars must be an integer, got ${micros}`);
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(micros);
  const dollars = String(Math.floor(abs / MICROS_PER_USD)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = String(abs % MICROS_PER_USD)
    .padStart(6, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${sign}$${dollars}.${fraction}`;
}
