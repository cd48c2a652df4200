/**
 * TieredCache's read path: the cascade, then on a full miss the origin, directly or through a
 * distributed flight. Values read are written back unless their read ticket went stale.
 */
import type { CacheStats } from "./cache-stats.ts";
import { type CascadeDecision, capTtl } from "./tier-cascade.ts";
import type { DistributedFlight } from "./tiered-cache-distributed-flight.ts";
import type { GuardedTier } from "./tiered-cache-guarded-tier.ts";
import type { ReadTicket } from "./tiered-cache-read-fence.ts";
import { readCascade, readFirstHit, served, storeFresh } from "./tiered-cache-steps.ts";
import type { CacheRead, Computed } from "./tiered-cache-types.ts";

/** Reads through the tiers of one cache. */
export class ReadThrough {
  readonly #tiers: readonly GuardedTier[];
  readonly #shared: readonly GuardedTier[];
  readonly #stats: CacheStats;
  readonly #distributed: DistributedFlight | undefined;

  /** Reads `tiers`; a `distributed` flight, if given, polls the `shared` ones. */
  constructor(
    tiers: readonly GuardedTier[],
    shared: readonly GuardedTier[],
    stats: CacheStats,
    distributed: DistributedFlight | undefined,
  ) {
    this.#tiers = tiers;
    this.#shared = shared;
    this.#stats = stats;
    this.#distributed = distributed;
  }

  /** The first tier's hit (backfilled above), or undefined; computes nothing. */
  async get(key: string, ticket: ReadTicket): Promise<CacheRead | undefined> {
    const run = await readCascade(this.#tiers, key, this.#stats);
    if (run.value === undefined) return undefined;
    await storeFresh(this.#tiers, this.#stats, key, run.value, run.decision.backfill, ticket);
    return served(run.decision, run.value);
  }

  /** The first tier's hit, else the origin's value (through the distributed flight when there is one). */
  async getOrCompute(key: string, compute: () => Promise<Computed>, ticket: ReadTicket): Promise<CacheRead> {
    const run = await readCascade(this.#tiers, key, this.#stats);
    if (run.value !== undefined) {
      await storeFresh(this.#tiers, this.#stats, key, run.value, run.decision.backfill, ticket);
      return served(run.decision, run.value);
    }
    const fromOrigin = () => this.#computeAndStore(key, compute, run.decision, ticket);
    // With every shared tier down, a lease holder could not hand its value over: compute here.
    const sharedUp = run.decision.originWrites.some((w) => this.#shared.some((t) => t.index === w.index));
    if (!this.#distributed || !sharedUp) return fromOrigin();
    return this.#distributed.run(key, {
      compute: fromOrigin,
      readShared: () => this.#readShared(key, run.decision, ticket),
    });
  }

  async #computeAndStore(
    key: string,
    compute: () => Promise<Computed>,
    decision: CascadeDecision,
    ticket: ReadTicket,
  ): Promise<CacheRead> {
    let computed: Computed;
    try {
      computed = await compute();
      if (typeof computed?.value !== "string")
        throw new TypeError("compute() must resolve to { value: string }");
    } catch (error) {
      this.#stats.recordOriginFailure();
      throw error;
    }
    const writes = capTtl(decision.originWrites, computed.ttlMs);
    await storeFresh(this.#tiers, this.#stats, key, computed.value, writes, ticket);
    return served(decision, computed.value);
  }

  // A value another instance stored in a shared tier, copied into the healthy tiers above it.
  async #readShared(
    key: string,
    decision: CascadeDecision,
    ticket: ReadTicket,
  ): Promise<CacheRead | undefined> {
    const hit = await readFirstHit(this.#shared, key);
    if (!hit) return undefined;
    const ttl = hit.remainingTtlMs;
    const above = decision.originWrites.filter((w) => w.index < hit.tier.index);
    const writes = ttl > 0 ? above.map((w) => ({ ...w, ttlMs: Math.min(ttl, w.ttlMs) })) : [];
    await storeFresh(this.#tiers, this.#stats, key, hit.value, writes, ticket);
    return {
      value: hit.value,
      source: hit.tier.name,
      degraded: decision.degraded.map((d) => d.name),
      shared: false,
    };
  }
}
