/** The shapes TieredCache takes and gives, and its error. */
import type { CacheTier } from "../ports/cache-tier.ts";

/** One tier in read order, with the longest it may hold a value for (ms, > 0). */
export interface TierBinding {
  readonly tier: CacheTier;
  readonly ttlMs: number;
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
