import { LRUCache } from "lru-cache";
import type { CacheLookup, CacheTier } from "../../ports/cache-tier.ts";

export interface LruCacheTierOptions {
  /** Default "L1". */
  readonly name?: string;
  /** Most entries held at once; default 10,000. */
  readonly maxEntries?: number;
  /** Most bytes held at once (keys + values, 2 bytes per UTF-16 code unit); default 64 MiB. */
  readonly maxBytes?: number;
  /**
   * Time source for TTLs, e.g. a VirtualClock in tests. Default: lru-cache's own `performance.now()`,
   * which is monotonic (a wall clock stepped back by NTP would make entries live too long).
   */
  readonly clock?: { now(): number };
}

/**
 * The in-process L1 tier on lru-cache: bounded by entry count and by bytes, least recently used
 * entries evicted first. TTLs are absolute (a get does not extend them) and expired entries are
 * dropped lazily on access, so no timer per entry. A value bigger than `maxBytes` is not stored.
 */
export class LruCacheTier implements CacheTier {
  /** "L1" unless given. */
  readonly name: string;
  readonly #lru: LRUCache<string, string>;

  /** A tier with the given bounds (defaults: 10,000 entries, 64 MiB). */
  constructor(options: LruCacheTierOptions = {}) {
    const maxEntries = options.maxEntries ?? 10_000;
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
      throw new RangeError(`maxEntries must be an integer >= 1`);
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
      throw new RangeError(`maxBytes must be an integer >= 1`);
    this.name = options.name ?? "L1";
    const clock = options.clock;
    // lru-cache treats a start time of 0 as "no TTL", so an injected clock is shifted to start at 1.
    const origin = clock ? clock.now() - 1 : 0;
    this.#lru = new LRUCache<string, string>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (value, key) => Math.max(1, (key.length + value.length) * 2),
      // 0: read the clock on every check. The default (1 ms) caches it behind a setTimeout, which
      // costs more than performance.now() and goes stale when a virtual clock jumps.
      ttlResolution: 0,
      ...(clock ? { perf: { now: () => clock.now() - origin } } : {}),
    });
  }

  /** Entries held now (expired ones not yet dropped included). */
  get entries(): number {
    return this.#lru.size;
  }

  /** Bytes held now, as counted against `maxBytes`. */
  get bytes(): number {
    return this.#lru.calculatedSize;
  }

  /** The value and its remaining TTL (whole ms, at least 1), or a miss. Marks the entry recently used. */
  async get(key: string): Promise<CacheLookup> {
    const status: LRUCache.Status<string, string> = {};
    const value = this.#lru.get(key, { status });
    const remaining = Math.floor(status.remainingTTL ?? 0);
    // Less than a whole ms left is a miss: a backfill with a 0 ms TTL would be meaningless.
    if (value === undefined || remaining < 1) return { kind: "miss" };
    return { kind: "hit", value, remainingTtlMs: remaining };
  }

  /** Stores `value` for `ttlMs` (rounded up to whole ms); evicts least recently used entries to fit. */
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs))
      throw new RangeError(`${this.name}: ttlMs must be > 0, got ${ttlMs}`);
    this.#lru.set(key, value, { ttl: Math.ceil(ttlMs) });
  }

  /** Removes `key` if present. */
  async delete(key: string): Promise<void> {
    this.#lru.delete(key);
  }

  /**
   * Removes every key starting with `<tenant>:`. Costs a scan of all keys (O(entries), a few ms at
   * 100k entries): fine for a rare GDPR/CCPA erase, not for a hot path.
   */
  async deleteTenant(tenant: string): Promise<number> {
    const prefix = `${tenant}:`;
    // Collected first: deleting while iterating lru-cache's key list would skip entries.
    const doomed = [...this.#lru.keys()].filter((key) => key.startsWith(prefix));
    let removed = 0;
    for (const key of doomed) if (this.#lru.delete(key)) removed++;
    return removed;
  }
}
