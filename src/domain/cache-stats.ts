/**
 * Cache statistics: per tier hits / misses / errors and hit rates, overall hit rate and origin count.
 * /metrics and the benchmark report read `snapshot()`, e.g. "L1 59.1% (5,908 hits)" is
 * `requestShare` and `hits` of tier L1. One request is one cascade, so overall hits = the sum of the
 * tiers' hits (a request hits at most one tier). Rates are 0, never NaN, before any traffic.
 */
import type { TierOutcome } from "./tier-cascade.ts";

/** One tier's counters and rates. */
export interface TierStats {
  readonly name: string;
  /** Reads attempted at this tier: hits + misses + errors + timeouts (skipped tiers were not read). */
  readonly lookups: number;
  readonly hits: number;
  readonly misses: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Cascades that passed this tier by without reading it (circuit open). */
  readonly skipped: number;
  /** Writes (sets, backfills) and deletes that failed or were refused. */
  readonly writeErrors: number;
  /** hits / lookups at this tier. */
  readonly hitRate: number;
  /** hits / all requests: the share of traffic this tier served. */
  readonly requestShare: number;
}

/** An immutable view of the counters at one moment. */
export interface CacheStatsSnapshot {
  /** Cascades run (coalesced callers share one and are counted in `coalesced` instead). */
  readonly requests: number;
  /** Requests some tier answered: the sum of the tiers' hits. */
  readonly hits: number;
  /** Requests no tier answered: the origin's share (computed, for getOrCompute). */
  readonly misses: number;
  /** hits / requests. */
  readonly hitRate: number;
  /** Callers that joined a computation already in flight for their key. */
  readonly coalesced: number;
  /** Origin computations that failed. */
  readonly originFailures: number;
  readonly tiers: readonly TierStats[];
}

type Counters = Record<"hits" | "misses" | "errors" | "timeouts" | "skipped" | "writeErrors", number>;

/** Accumulates cache statistics for a fixed, ordered set of tiers. */
export class CacheStats {
  readonly #names: readonly string[];
  readonly #tiers: Counters[];
  #requests = 0;
  #coalesced = 0;
  #originFailures = 0;

  /** Counters for the tiers named `tierNames`, in read order. */
  constructor(tierNames: readonly string[]) {
    this.#names = [...tierNames];
    this.#tiers = tierNames.map(() => ({
      hits: 0,
      misses: 0,
      errors: 0,
      timeouts: 0,
      skipped: 0,
      writeErrors: 0,
    }));
  }

  /** Records one request's cascade: the outcome of each tier consulted, in order. */
  recordCascade(outcomes: readonly TierOutcome[]): void {
    if (outcomes.length > this.#tiers.length) throw new RangeError("more outcomes than tiers");
    // A cascade stops at its first hit; anything else would count one request twice.
    if (outcomes.some((o, i) => o.kind === "hit" && i !== outcomes.length - 1)) {
      throw new RangeError("a hit must be the last outcome of a cascade");
    }
    this.#requests++;
    outcomes.forEach((o, i) => {
      const c = this.#tiers[i]!;
      if (o.kind === "hit") c.hits++;
      else if (o.kind === "miss") c.misses++;
      else if (o.kind === "error") c.errors++;
      else if (o.kind === "timeout") c.timeouts++;
      else c.skipped++;
    });
  }

  /** Records a failed or refused write / delete at tier `index`. */
  recordWriteError(index: number): void {
    const c = this.#tiers[index];
    if (!c) throw new RangeError(`no tier ${index}`);
    c.writeErrors++;
  }

  /** Records a caller that joined a computation already in flight. */
  recordCoalesced(): void {
    this.#coalesced++;
  }

  /** Records an origin computation that failed. */
  recordOriginFailure(): void {
    this.#originFailures++;
  }

  /** The counters now, frozen: later traffic does not change a snapshot. */
  snapshot(): CacheStatsSnapshot {
    const requests = this.#requests;
    const tiers = this.#tiers.map((c, i) => {
      const lookups = c.hits + c.misses + c.errors + c.timeouts;
      return Object.freeze({
        name: this.#names[i]!,
        lookups,
        ...c,
        hitRate: ratio(c.hits, lookups),
        requestShare: ratio(c.hits, requests),
      });
    });
    const hits = tiers.reduce((sum, t) => sum + t.hits, 0);
    return Object.freeze({
      requests,
      hits,
      misses: requests - hits,
      hitRate: ratio(hits, requests),
      coalesced: this.#coalesced,
      originFailures: this.#originFailures,
      tiers: Object.freeze(tiers),
    });
  }
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
