/** Reads one response header by name (case-insensitive), as `Headers.get` does. */
export type HeaderLookup = (name: string) => string | null | undefined;

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * How long the server asked us to wait, in ms: `retry-after-ms` first (Anthropic sends it), else
 * `retry-after` as seconds or as an HTTP date. Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: HeaderLookup, nowMs: number): number | undefined {
  const ms = header("retry-after-ms")?.trim();
  if (ms && DECIMAL.test(ms)) return Math.round(Number(ms));
  const raw = header("retry-after")?.trim();
  if (!raw) return undefined;
  if (DECIMAL.test(raw)) return Math.round(Number(raw) * 1000);
  // Only a date with a month or weekday name: Date.parse would read a bare "7" as the year 2001.
  const at = /[a-z]{3}/i.test(raw) ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
