/** What one cache tier answers for one key. */
export type CacheLookup =
  | { readonly kind: "hit"; readonly value: string; readonly remainingTtlMs: number }
  | { readonly kind: "miss" };

/**
 * One tier of the L1 / L2 / L3 cache. Keys are produced by the domain's cache key
 * (`<tenant>:<operation>:<sha256>`), so every key of a tenant starts with `<tenant>:`.
 * Values are opaque strings (JSON). A tier that cannot answer throws; it never reports a miss for an error.
 */
export interface CacheTier {
  /** "L1", "L2" or "L3" (or a simulated twin's name). */
  readonly name: string;
  get(key: string): Promise<CacheLookup>;
  /** Stores `value` for `ttlMs` milliseconds (> 0). Overwrites. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes every key that starts with `<tenant>:`; returns how many were removed (best effort for tiers that cannot count). */
  deleteTenant(tenant: string): Promise<number>;
}

export const L1_CACHE = Symbol.for("eh.L1Cache");
export const L2_CACHE = Symbol.for("eh.L2Cache");
export const L3_CACHE = Symbol.for("eh.L3Cache");
