/**
 * Number formats of the report. Built on toFixed and a regex only, never toLocaleString: locale data
 * differs between machines, and the report must be byte-identical everywhere.
 */
import { formatUsd } from "../../src/domain/cost/money.ts";
import type { Provenance } from "./types.ts";

/** The unit a metric is expressed in. */
export type MetricUnit = "ms" | "%" | "rps" | "MB" | "USD";

/** Thousands separators on the integer part: "1224.79" → "1,224.79". */
export function groupThousands(fixed: string): string {
  const [whole = "", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `value` with `decimals` decimals and thousands separators. */
export function formatNumber(value: number, decimals: number): string {
  return groupThousands(value.toFixed(decimals));
}

/** Milliseconds with as many decimals as a sub-millisecond figure needs: 1.32ms, 0.0122ms, 0.000450ms. */
export function formatMs(ms: number): string {
  const decimals = ms === 0 || Math.abs(ms) >= 0.1 ? 2 : Math.abs(ms) >= 0.001 ? 4 : 6;
  return `${formatNumber(ms, decimals)}ms`;
}

/** A 0..1 fraction as a percentage: 0.881 → "88.1%". */
export function formatFraction(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** US dollars (a float) rounded to whole micro-dollars: 0.0072 → "$0.0072". */
export function formatDollars(usd: number): string {
  return formatUsd(Math.round(usd * 1_000_000));
}

/** A metric value in its unit, the way the report prints it. */
export function formatMetric(value: number, unit: MetricUnit): string {
  switch (unit) {
    case "ms":
      return formatMs(value);
    case "%":
      return `${value.toFixed(Math.abs(value) < 1 ? 2 : 1)}%`;
    case "rps":
      return `${formatNumber(value, 0)}rps`;
    case "MB":
      return `${formatNumber(value, 0)}MB`;
    case "USD":
      return formatDollars(value);
  }
}

/** A target or threshold as people write it, without trailing zeros: "150ms", "87%", "$0.05", "2,048MB". */
export function formatThreshold(value: number, unit: MetricUnit): string {
  if (unit === "ms" || unit === "%") {
    const trimmed = groupThousands(String(Number(value.toFixed(6))));
    return `${trimmed}${unit}`;
  }
  return formatMetric(value, unit);
}

/** A figure's provenance label; "n/a" when the run did not produce the figure. */
export function provenanceLabel(provenance: Provenance | undefined): string {
  return provenance ?? "n/a";
}
