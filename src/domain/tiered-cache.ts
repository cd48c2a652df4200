/**
 * TieredCache: the L1 → L2 → L3 → origin read-through cache. Reads follow the tier cascade policy
 * (first hit wins, lower tiers are never read, upper tiers are backfilled with min(remaining TTL,
 * tier TTL)); a tier that throws or whose circuit is open is skipped and counted, never a hit, so a
 * Redis outage degrades a request instead of failing or hanging it (adapters own the timeouts).
 * Concurrent getOrCompute calls for one key share one cascade and one computation (single flight).
 */
import type { Clock } from "../ports/clock.ts";
import { CacheKeyError, isValidTenant } from "./cache-key.ts";
import { CacheStats, type CacheStatsSnapshot } from "./cache-stats.ts";
import { type BreakerSnapshot, CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker.ts";
import { capTtl, type TierWrite } from "./tier-cascade.ts";
import { GuardedTier } from "./tiered-cache-guarded-tier.ts";
import { SingleFlight } from "./tiered-cache-single-flight.ts";
import { fanOut, readCascade, served, writeTiers } from "./tiered-cache-steps.ts";
import type { CacheRead, Computed, TenantDeletion, TierBinding, WriteReport } from "./tiered-cache-types.ts";

export * from "./tiered-cache-types.ts";

/** Options; every tier's breaker gets the same settings. */
export interface TieredCacheOptions {
  readonly breaker?: CircuitBreakerOptions;
}

/** The three-tier read-through cache service. */
export class TieredCache {
  readonly #tiers: readonly GuardedTier[];
  readonly #stats: CacheStats;
  readonly #flights = new SingleFlight<CacheRead>();
  // Bumped by every set / delete: a read that started earlier must not write its (older) value back.
  #epoch = 0;

  /** Tiers in read order (L1 first), each with the longest TTL it may hold a value for. */
  constructor(tiers: readonly TierBinding[], clock: Clock, options: TieredCacheOptions = {}) {
    const names = new Set<string>();
    for (const { tier, ttlMs } of tiers) {
      if (tier.name === "origin" || names.has(tier.name))
        throw new TypeError(`tier name "${tier.name}" is taken`);
      if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new TypeError(`${tier.name}: ttlMs must be > 0`);
      names.add(tier.name);
    }
    this.#tiers = tiers.map(
      (b, i) => new GuardedTier(i, b.tier, b.ttlMs, new CircuitBreaker(clock, options.breaker)),
    );
    this.#stats = new CacheStats(this.#tiers.map((t) => t.name));
  }

  /**
   * The value for `key` from the first tier that has it, else from `compute` (called once, its value
   * written to every healthy tier; a `ttlMs` of its own caps the tiers' TTLs, and <= 0 stores nothing).
   * Concurrent callers for one key share one cascade and one computation; if it fails, all of them
   * reject and the next call tries again.
   */
  getOrCompute(key: string, compute: () => Promise<Computed>): Promise<CacheRead> {
    const flight = this.#flights.run(key, () => this.#readThrough(key, compute));
    if (!flight.joined) return flight.promise;
    this.#stats.recordCoalesced();
    return flight.promise.then((read) => ({ ...read, shared: true }));
  }

  /** The value for `key` from the first tier that has it (backfilling the tiers above), or undefined. */
  async get(key: string): Promise<CacheRead | undefined> {
    const epoch = this.#epoch;
    const run = await readCascade(this.#tiers, key, this.#stats);
    if (run.value === undefined) return undefined;
    await this.#write(key, run.value, run.decision.backfill, epoch);
    return served(run.decision, run.value);
  }

  /** Stores `value` in every tier for min(`ttlMs`, tier TTL); throws TieredCacheError only if every tier failed. */
  async set(key: string, value: string, ttlMs: number): Promise<WriteReport> {
    if (!(ttlMs > 0)) throw new TypeError(`ttlMs must be > 0, got ${ttlMs}`);
    this.#invalidate((k) => k === key);
    const { failures } = await fanOut(this.#tiers, this.#stats, "set", (t) =>
      t.attempt(() => t.tier.set(key, value, Math.min(ttlMs, t.ttlMs))),
    );
    return { failures };
  }

  /** Deletes `key` from every tier, even one whose circuit is open; throws only if every tier failed. */
  async delete(key: string): Promise<WriteReport> {
    this.#invalidate((k) => k === key);
    const { failures } = await fanOut(this.#tiers, this.#stats, "delete", (t) =>
      t.attempt(() => t.tier.delete(key), { bypassBreaker: true }),
    );
    return { failures };
  }

  /** Deletes every key of `tenant` from every tier, even one whose circuit is open; throws only if every tier failed. */
  async deleteTenant(tenant: string): Promise<TenantDeletion> {
    if (!isValidTenant(tenant))
      throw new CacheKeyError("invalid_tenant", `invalid tenant ${JSON.stringify(tenant)}`);
    const prefix = `${tenant}:`;
    this.#invalidate((k) => k.startsWith(prefix));
    const { values, failures } = await fanOut(this.#tiers, this.#stats, "deleteTenant", (t) =>
      t.attempt(() => t.tier.deleteTenant(tenant), { bypassBreaker: true }),
    );
    return { removed: values.reduce((sum, n) => sum + n, 0), failures };
  }

  /** Hit / miss / error counters and rates, per tier and overall. */
  stats(): CacheStatsSnapshot {
    return this.#stats.snapshot();
  }

  /** Each tier's circuit breaker, in read order. */
  breakerStates(): readonly (BreakerSnapshot & { readonly tier: string })[] {
    return this.#tiers.map((t) => ({ tier: t.name, ...t.breaker.snapshot() }));
  }

  async #readThrough(key: string, compute: () => Promise<Computed>): Promise<CacheRead> {
    const epoch = this.#epoch;
    const run = await readCascade(this.#tiers, key, this.#stats);
    if (run.value !== undefined) {
      await this.#write(key, run.value, run.decision.backfill, epoch);
      return served(run.decision, run.value);
    }
    let computed: Computed;
    try {
      computed = await compute();
      if (typeof computed?.value !== "string")
        throw new TypeError("compute() must resolve to { value: string }");
    } catch (error) {
      this.#stats.recordOriginFailure();
      throw error;
    }
    await this.#write(key, computed.value, capTtl(run.decision.originWrites, computed.ttlMs), epoch);
    return served(run.decision, computed.value);
  }

  // A set or delete since `epoch` makes this value stale: serve it, but do not store it.
  async #write(key: string, value: string, writes: readonly TierWrite[], epoch: number): Promise<void> {
    if (epoch === this.#epoch) await writeTiers(this.#tiers, this.#stats, key, value, writes);
  }

  #invalidate(matches: (key: string) => boolean): void {
    this.#epoch++;
    this.#flights.forget(matches);
  }
}
