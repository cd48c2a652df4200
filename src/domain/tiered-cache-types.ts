/** The shapes TieredCache takes and gives, and its error. */
import type { CacheTier } from "../ports/cache-tier.ts";
import type { InvalidationBus } from "../ports/invalidation-bus.ts";
import type { CircuitBreakerOptions } from "./circuit-breaker.ts";
import type { DistributedFlightOptions } from "./tiered-cache-distributed-flight.ts";

/** One tier in read order, with the longest it may hold a value for (ms, > 0). */
export interface TierBinding {
  readonly tier: CacheTier;
  readonly ttlMs: number;
}

/** Options; every tier's breaker gets the same settings. Without bus or lock the cache is single-instance. */
export interface TieredCacheOptions {
  readonly breaker?: CircuitBreakerOptions;
  /**
   * Names of the tiers private to this instance (its L1): the ones another instance's invalidations
   * clear, and the ones a distributed flight does not poll. Default: none (every tier is shared).
   */
  readonly localTiers?: readonly string[];
  /** Announces this instance's sets and deletes, and applies the others' to the local tiers. Needs `localTiers`. */
  readonly invalidationBus?: InvalidationBus;
  /** One origin computation per cold key across every instance sharing the lock and the shared tiers. */
  readonly distributedFlight?: DistributedFlightOptions;
}

/** What the origin computes: the value and, optionally, its own TTL (<= 0: serve but do not store). */
export interface Computed {
  readonly value: string;
  readonly ttlMs?: number;
}

/** A served value and where it came from. */
export interface CacheRead {
  readonly value: string;
  /** The tier's name ("L1", "L2", "L3") or "origin". */
  readonly source: string;
  /** Tiers this request could not use (error, timeout or open circuit). */
  readonly degraded: readonly string[];
  /** True when this caller joined another caller's cascade for the same key. */
  readonly shared: boolean;
}

/** A tier that failed a write or delete, or refused it (open circuit). */
export interface TierFailure {
  readonly tier: string;
  readonly error: unknown;
}

/** The tiers that failed a set or delete; empty when all succeeded. */
export interface WriteReport {
  readonly failures: readonly TierFailure[];
}

/** Keys removed across tiers (best effort: some tiers cannot count) and the tiers that failed. */
export interface TenantDeletion {
  readonly removed: number;
  readonly failures: readonly TierFailure[];
}

/** Thrown when every tier failed an operation; `failures` says why, `code` is stable. */
export class TieredCacheError extends Error {
  readonly code = "all_tiers_failed";
  readonly failures: readonly TierFailure[];
  constructor(operation: string, failures: readonly TierFailure[]) {
    super(`${operation} failed on every tier: ${failures.map((f) => f.tier).join(", ")}`, {
      cause: failures[0]?.error,
    });
    this.name = "TieredCacheError";
    this.failures = failures;
  }
}
