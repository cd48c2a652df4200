/** The burst budget GoHighLevel reported on its latest response (per app and location). */
export interface GhlRateLimit {
  /** Requests left in the current window. */
  remaining: number;
  /** Requests allowed per window (100 by default). */
  max: number;
  /** Length of the window in ms (10 000 by default). */
  intervalMs: number;
}

const WHOLE = /^\d+$/;

/** The X-RateLimit-Remaining / -Max / -Interval-Milliseconds headers, or undefined unless all three are readable. */
export function readRateLimit(headers: Headers): GhlRateLimit | undefined {
  const remaining = whole(headers.get("x-ratelimit-remaining"));
  const max = whole(headers.get("x-ratelimit-max"));
  const intervalMs = whole(headers.get("x-ratelimit-interval-milliseconds"));
  if (remaining === undefined || max === undefined || intervalMs === undefined) return undefined;
  return { remaining, max, intervalMs };
}

/**
 * How long to wait after a 429, in ms: Retry-After (seconds or an HTTP date) when sent, else one
 * whole rate-limit window, the longest the burst limit can last. Undefined when neither is readable.
 */
export function rateLimitWaitMs(headers: Headers, nowMs: number): number | undefined {
  const raw = headers.get("retry-after")?.trim();
  if (raw && /^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  // Only a date with a month or weekday name: Date.parse would read a bare "7" as the year 2001.
  const at = raw && /[a-z]{3}/i.test(raw) ? Date.parse(raw) : Number.NaN;
  if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  return whole(headers.get("x-ratelimit-interval-milliseconds"));
}

function whole(value: string | null): number | undefined {
  const v = value?.trim();
  return v && WHOLE.test(v) ? Number(v) : undefined;
}
