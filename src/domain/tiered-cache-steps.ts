/**
 * The steps TieredCache is made of, over guarded tiers: run the read cascade, apply its writes, and
 * fan an operation out to every tier. Tier failures are counted in the statistics, never thrown,
 * except when every tier failed an operation that has no other way to succeed.
 */
import type { CacheStats } from "./cache-stats.ts";
import { type CascadeDecision, nextStep, type TierOutcome, type TierWrite } from "./tier-cascade.ts";
import type { GuardedTier, TierAttempt } from "./tiered-cache-guarded-tier.ts";
import type { ReadTicket } from "./tiered-cache-read-fence.ts";
import { type CacheRead, TieredCacheError, type TierFailure } from "./tiered-cache-types.ts";

/** A finished cascade: the policy's decision and, on a hit, the value. */
export interface CascadeRun {
  readonly decision: CascadeDecision;
  readonly value: string | undefined;
}

/** Reads tiers one at a time as the policy asks, stopping at the first hit; records the cascade. */
export async function readCascade(
  tiers: readonly GuardedTier[],
  key: string,
  stats: CacheStats,
): Promise<CascadeRun> {
  const outcomes: TierOutcome[] = [];
  let value: string | undefined;
  for (;;) {
    const step = nextStep(tiers, outcomes);
    if (step.kind === "done") {
      stats.recordCascade(outcomes);
      return { decision: step.decision, value };
    }
    const read = await tiers[step.index]!.read(key);
    outcomes.push(read.outcome);
    value = read.value;
  }
}

/** A hit found by {@link readFirstHit}. */
export interface TierHit {
  readonly tier: GuardedTier;
  readonly value: string;
  readonly remainingTtlMs: number;
}

/**
 * Reads `tiers` in order up to the first hit, skipping any that fail, without recording a cascade:
 * a distributed flight's re-reads belong to a request whose cascade was already counted.
 */
export async function readFirstHit(tiers: readonly GuardedTier[], key: string): Promise<TierHit | undefined> {
  for (const tier of tiers) {
    const read = await tier.read(key);
    if (read.outcome.kind === "hit" && read.value !== undefined)
      return { tier, value: read.value, remainingTtlMs: read.outcome.remainingTtlMs };
  }
  return undefined;
}

/** Writes `value` to each tier in `writes`; a failed write is counted, never thrown (it must not fail a read). */
export async function writeTiers(
  tiers: readonly GuardedTier[],
  stats: CacheStats,
  key: string,
  value: string,
  writes: readonly TierWrite[],
): Promise<void> {
  await Promise.all(
    writes.map(async (w) => {
      const tier = tiers[w.index]!;
      const result = await tier.attempt(() => tier.tier.set(key, value, w.ttlMs));
      if (!result.ok) stats.recordWriteError(w.index);
    }),
  );
}

/** Like {@link writeTiers}, unless the read that produced `value` went stale (its key changed meanwhile). */
export async function storeFresh(
  tiers: readonly GuardedTier[],
  stats: CacheStats,
  key: string,
  value: string,
  writes: readonly TierWrite[],
  ticket: ReadTicket,
): Promise<void> {
  if (!ticket.stale) await writeTiers(tiers, stats, key, value, writes);
}

/** Runs `call` on every tier at once; failures are counted and returned, thrown only if every tier failed. */
export async function fanOut<T>(
  tiers: readonly GuardedTier[],
  stats: CacheStats,
  operation: string,
  call: (tier: GuardedTier) => Promise<TierAttempt<T>>,
): Promise<{ readonly values: readonly T[]; readonly failures: readonly TierFailure[] }> {
  const results = await Promise.all(tiers.map(call));
  const values: T[] = [];
  const failures: TierFailure[] = [];
  results.forEach((r, i) => {
    if (r.ok) {
      values.push(r.value);
      return;
    }
    stats.recordWriteError(i);
    failures.push({ tier: tiers[i]!.name, error: r.error });
  });
  if (tiers.length > 0 && failures.length === tiers.length) throw new TieredCacheError(operation, failures);
  return { values, failures };
}

/** What the caller is served for a finished cascade. */
export function served(decision: CascadeDecision, value: string): CacheRead {
  const source = decision.source.kind === "tier" ? decision.source.name : "origin";
  return { value, source, degraded: decision.degraded.map((d) => d.name), shared: false };
}
