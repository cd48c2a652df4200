/**
 * The service's per-tier cache counters as /metrics publishes them (the eh_cache_lookups gauge): read
 * before and after each phase of the soak, they show the L2 circuit at work (a handful of errors, not
 * one per request, while Redis is cut) and L2 serving hits again once it is back.
 */

/** Lookups of one tier by outcome. */
export interface TierCounts {
  readonly hit: number;
  readonly miss: number;
  readonly error: number;
}

const LINE = /^eh_cache_lookups\{([^}]*)\}\s+(\S+)/;
const LABEL = /(\w+)="([^"]*)"/g;

/** The eh_cache_lookups samples of a Prometheus text exposition, by tier. */
export function parseTierCounts(metricsText: string): Record<string, TierCounts> {
  const out: Record<string, { hit: number; miss: number; error: number }> = {};
  for (const line of metricsText.split("\n")) {
    const match = LINE.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[1]!.matchAll(LABEL)].map((m) => [m[1]!, m[2]!]));
    const { tier, outcome } = labels;
    const value = Number(match[2]);
    if (!tier || !Number.isFinite(value)) continue;
    if (outcome !== "hit" && outcome !== "miss" && outcome !== "error") continue;
    out[tier] ??= { hit: 0, miss: 0, error: 0 };
    out[tier][outcome] = value;
  }
  return out;
}

/** Counts accumulated between two readings, per tier present in `after`. */
export function tierDelta(
  before: Readonly<Record<string, TierCounts>>,
  after: Readonly<Record<string, TierCounts>>,
): Record<string, TierCounts> {
  const zero: TierCounts = { hit: 0, miss: 0, error: 0 };
  return Object.fromEntries(
    Object.entries(after).map(([tier, a]) => {
      const b = before[tier] ?? zero;
      return [tier, { hit: a.hit - b.hit, miss: a.miss - b.miss, error: a.error - b.error }];
    }),
  );
}

/** Reads the counters from a running service's /metrics. */
export async function readTierCounts(baseUrl: string): Promise<Record<string, TierCounts>> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return parseTierCounts(await res.text());
}
