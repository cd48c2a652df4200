/**
 * TieredCache: the L1 → L2 → L3 → origin read-through cache. Reads follow the tier cascade policy
 * (first hit wins, lower tiers are never read, upper tiers are backfilled with min(remaining TTL,
 * tier TTL)); a tier that throws or whose circuit is open is skipped and counted, never a hit, so a
 * Redis outage degrades a request instead of failing or hanging it (adapters own the timeouts).
 * Concurrent getOrCompute calls for one key share one cascade and one computation (single flight);
 * with a distributed lock, instances share one computation too (tiered-cache-distributed-flight.ts).
 *
 * With an invalidation bus, set / delete / deleteTenant tell the other instances to drop the keys
 * from their L1. Backfills and origin writes after a miss do not: the key covers every input of the
 * answer, so a copy another instance holds is an equally valid answer, not a stale one, and
 * announcing every miss would flood the bus and empty every L1 for nothing.
 */
import type { Clock } from "../ports/clock.ts";
import type { Invalidation } from "../ports/invalidation-bus.ts";
import { CacheKeyError, isValidTenant } from "./cache-key.ts";
import { CacheStats, type CacheStatsSnapshot } from "./cache-stats.ts";
import { type BreakerSnapshot, CircuitBreaker } from "./circuit-breaker.ts";
import { DistributedFlight, type DistributedFlightCounters } from "./tiered-cache-distributed-flight.ts";
import { GuardedTier, type TierAttempt } from "./tiered-cache-guarded-tier.ts";
import { LocalTierInvalidation, matcherOf } from "./tiered-cache-invalidation.ts";
import { ReadFence, type ReadTicket } from "./tiered-cache-read-fence.ts";
import { ReadThrough } from "./tiered-cache-read-through.ts";
import { SingleFlight } from "./tiered-cache-single-flight.ts";
import { fanOut } from "./tiered-cache-steps.ts";
import { localTierIndexes } from "./tiered-cache-topology.ts";
import type {
  CacheRead,
  Computed,
  TenantDeletion,
  TierBinding,
  TieredCacheOptions,
  WriteReport,
} from "./tiered-cache-types.ts";

export * from "./tiered-cache-types.ts";

/** The three-tier read-through cache service. */
export class TieredCache {
  readonly #tiers: readonly GuardedTier[];
  readonly #stats: CacheStats;
  readonly #reads: ReadThrough;
  readonly #flights = new SingleFlight<CacheRead>();
  // A read whose key is set or deleted meanwhile must not write its (older) value back.
  readonly #fence = new ReadFence();
  readonly #invalidation: LocalTierInvalidation | undefined;
  readonly #distributed: DistributedFlight | undefined;

  /** Tiers in read order (L1 first), each with the longest TTL it may hold a value for. */
  constructor(tiers: readonly TierBinding[], clock: Clock, options: TieredCacheOptions = {}) {
    const local = localTierIndexes(tiers, options);
    this.#tiers = tiers.map(
      (b, i) => new GuardedTier(i, b.tier, b.ttlMs, new CircuitBreaker(clock, options.breaker)),
    );
    this.#stats = new CacheStats(this.#tiers.map((t) => t.name));
    const flight = options.distributedFlight;
    this.#distributed = flight && new DistributedFlight(clock, flight);
    const shared = this.#tiers.filter((t) => !local.has(t.index));
    this.#reads = new ReadThrough(this.#tiers, shared, this.#stats, this.#distributed);
    const bus = options.invalidationBus;
    const ownTiers = this.#tiers.filter((t) => local.has(t.index));
    this.#invalidation =
      bus && new LocalTierInvalidation(bus, ownTiers, this.#stats, (matches) => this.#invalidate(matches));
  }

  /**
   * The value for `key` from the first tier that has it, else from `compute` (called once, its value
   * written to every healthy tier; a `ttlMs` of its own caps the tiers' TTLs, and <= 0 stores nothing).
   * Concurrent callers for one key share one cascade and one computation; if it fails, all of them
   * reject and the next call tries again.
   */
  getOrCompute(key: string, compute: () => Promise<Computed>): Promise<CacheRead> {
    const flight = this.#flights.run(key, () =>
      this.#fenced(key, (ticket) => this.#reads.getOrCompute(key, compute, ticket)),
    );
    if (!flight.joined) return flight.promise;
    this.#stats.recordCoalesced();
    return flight.promise.then((read) => ({ ...read, shared: true }));
  }

  /** The value for `key` from the first tier that has it (backfilling the tiers above), or undefined. */
  get(key: string): Promise<CacheRead | undefined> {
    return this.#fenced(key, (ticket) => this.#reads.get(key, ticket));
  }

  /** Stores `value` in every tier for min(`ttlMs`, tier TTL); throws TieredCacheError only if every tier failed. */
  async set(key: string, value: string, ttlMs: number): Promise<WriteReport> {
    if (!(ttlMs > 0)) throw new TypeError(`ttlMs must be > 0, got ${ttlMs}`);
    return this.#change({ kind: "keys", keys: [key] }, () =>
      this.#writeAll("set", (t) => t.attempt(() => t.tier.set(key, value, Math.min(ttlMs, t.ttlMs)))),
    );
  }

  /** Deletes `key` from every tier, even one whose circuit is open; throws only if every tier failed. */
  async delete(key: string): Promise<WriteReport> {
    return this.#change({ kind: "keys", keys: [key] }, () =>
      this.#writeAll("delete", (t) => t.attempt(() => t.tier.delete(key), { bypassBreaker: true })),
    );
  }

  /** Deletes every key of `tenant` from every tier, even one whose circuit is open; throws only if every tier failed. */
  async deleteTenant(tenant: string): Promise<TenantDeletion> {
    if (!isValidTenant(tenant))
      throw new CacheKeyError("invalid_tenant", `invalid tenant ${JSON.stringify(tenant)}`);
    return this.#change({ kind: "tenant", tenant }, async () => {
      const { values, failures } = await fanOut(this.#tiers, this.#stats, "deleteTenant", (t) =>
        t.attempt(() => t.tier.deleteTenant(tenant), { bypassBreaker: true }),
      );
      return { removed: values.reduce((sum, n) => sum + n, 0), failures };
    });
  }

  /** Hit / miss / error counters and rates, per tier and overall. */
  stats(): CacheStatsSnapshot {
    return this.#stats.snapshot();
  }

  /** What the distributed flights did, or undefined when no lock is configured. */
  distributedFlightStats(): DistributedFlightCounters | undefined {
    return this.#distributed?.counters();
  }

  /** Each tier's circuit breaker, in read order. */
  breakerStates(): readonly (BreakerSnapshot & { readonly tier: string })[] {
    return this.#tiers.map((t) => ({ tier: t.name, ...t.breaker.snapshot() }));
  }

  /** Stops applying other instances' invalidations (the bus stays open: its owner closes it). */
  close(): void {
    this.#invalidation?.stop();
  }

  async #writeAll(
    operation: string,
    call: (tier: GuardedTier) => Promise<TierAttempt<void>>,
  ): Promise<WriteReport> {
    const { failures } = await fanOut(this.#tiers, this.#stats, operation, call);
    return { failures };
  }

  async #fenced<R>(key: string, read: (ticket: ReadTicket) => Promise<R>): Promise<R> {
    const ticket = this.#fence.open(key);
    try {
      return await read(ticket);
    } finally {
      this.#fence.close(ticket);
    }
  }

  // Reads running before the change, or starting while it is written, must not store what they
  // read; other instances hear of it only once the shared tiers hold the new state, else they could
  // re-read the old value from L2 into their L1.
  async #change<R>(change: Invalidation, write: () => Promise<R>): Promise<R> {
    const matches = matcherOf(change);
    this.#invalidate(matches);
    try {
      return await write();
    } finally {
      this.#invalidate(matches);
      await this.#invalidation?.announce(change);
    }
  }

  #invalidate(matches: (key: string) => boolean): void {
    this.#fence.invalidate(matches);
    this.#flights.forget(matches);
  }
}
