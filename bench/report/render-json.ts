/**
 * report.json and meta.json. The report is canonical: object keys sorted (so the order in which a
 * runner built its objects never shows), numbers rounded to JSON_DECIMALS decimals (so float noise
 * below a nanosecond never shows), -0 written as 0, two-space indent, one trailing newline. The same
 * results therefore give byte-identical output. Timestamps and host facts go to meta.json instead.
 */
import type { Report } from "./report-model.ts";
import type { RunMeta } from "./types.ts";

/** Decimals kept in report.json: 1e-6 ms is a nanosecond, 1e-6 of a rate is 0.0001 %. */
export const JSON_DECIMALS = 6;

/** A number JSON cannot carry (NaN, ±Infinity): a runner bug that must not reach a report. */
export class NonFiniteNumberError extends Error {
  readonly code = "non_finite_number";
  override readonly name = "NonFiniteNumberError";
}

/** `value` rounded to `decimals` decimals, without -0. */
export function roundNumber(value: number, decimals: number = JSON_DECIMALS): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

/** A copy of `value` with sorted keys, rounded numbers and no undefined members; throws on NaN / Infinity. */
export function canonicalize(value: unknown, path = "$"): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new NonFiniteNumberError(`${path} is ${value}`);
    return roundNumber(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => canonicalize(item, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties, so even a key named "__proto__" stays data.
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, member]) => [key, canonicalize(member, `${path}.${key}`)]));
  }
  return value;
}

/** report.json: the canonical JSON of `report`. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(canonicalize(report), null, 2)}\n`;
}

/** meta.json: the run's non-deterministic facts, also with sorted keys. */
export function renderMetaJson(meta: RunMeta): string {
  return `${JSON.stringify(canonicalize(meta), null, 2)}\n`;
}
