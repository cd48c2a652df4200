/**
 * The L3 cache tier in PostgreSQL (or PGlite): one row per key with an absolute expiry in ms.
 * Every statement takes "now" as a parameter from the application's clock instead of calling SQL
 * now(), so a virtual clock drives expiry and the remaining TTL comes out exact to the millisecond.
 */
import type { CacheLookup, CacheTier } from "../../ports/cache-tier.ts";
import type { Clock } from "../../ports/clock.ts";
import type { SqlQueryable } from "./sql-client.ts";

/** The statements this tier runs, exported so tests can EXPLAIN them. All values are parameters. */
export const cacheStatements = {
  get: "SELECT value, expires_at FROM cache_entries WHERE key = $1 AND expires_at > $2",
  set: `INSERT INTO cache_entries (key, value, expires_at) VALUES ($1, $2, $3)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
  delete: "DELETE FROM cache_entries WHERE key = $1",
  // "<tenant>:" <= key < "<tenant>;" is exactly the keys starting with "<tenant>:" (';' follows ':'),
  // and under COLLATE "C" it is a primary-key range scan: no LIKE, so nothing to escape.
  deleteTenant: `WITH gone AS (DELETE FROM cache_entries WHERE key >= $1 AND key < $2 RETURNING 1)
                 SELECT count(*)::int AS n FROM gone`,
  purgeExpired: `WITH doomed AS (
                   SELECT key FROM cache_entries WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2
                 ), gone AS (
                   DELETE FROM cache_entries WHERE key IN (SELECT key FROM doomed) RETURNING 1
                 )
                 SELECT count(*)::int AS n FROM gone`,
} as const;

interface EntryRow {
  value: string;
  expires_at: string | number;
}

/** CacheTier backed by the `cache_entries` table. Expired rows are ignored, and removed by `purgeExpired`. */
export class PostgresCacheTier implements CacheTier {
  readonly name: string;
  readonly #sql: SqlQueryable;
  readonly #clock: Pick<Clock, "now">;

  constructor(sql: SqlQueryable, clock: Pick<Clock, "now">, name = "L3") {
    this.#sql = sql;
    this.#clock = clock;
    this.name = name;
  }

  /** The live value of `key` and how long it has left. */
  async get(key: string): Promise<CacheLookup> {
    const now = this.#nowMs();
    const [row] = await this.#sql.query<EntryRow>(cacheStatements.get, [key, now]);
    if (!row) return { kind: "miss" };
    return { kind: "hit", value: row.value, remainingTtlMs: Number(row.expires_at) - now };
  }

  /** Stores `value` until now + `ttlMs`, replacing any previous value and expiry. */
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs))
      throw new RangeError(`ttlMs must be a positive number: ${ttlMs}`);
    const expiresAt = this.#nowMs() + Math.max(1, Math.floor(ttlMs));
    await this.#sql.query(cacheStatements.set, [key, value, expiresAt]);
  }

  /** Removes `key` (a no-op when absent). */
  async delete(key: string): Promise<void> {
    await this.#sql.query(cacheStatements.delete, [key]);
  }

  /** Removes every key starting with `<tenant>:`, expired or not; returns how many rows went. */
  async deleteTenant(tenant: string): Promise<number> {
    const [row] = await this.#sql.query<{ n: number }>(cacheStatements.deleteTenant, [
      `${tenant}:`,
      `${tenant};`,
    ]);
    return row?.n ?? 0;
  }

  /** Deletes at most `limit` expired rows (oldest first), so a sweep never holds long locks; returns the count. */
  async purgeExpired(limit = 1_000): Promise<number> {
    if (!Number.isInteger(limit) || limit <= 0)
      throw new RangeError(`limit must be a positive integer: ${limit}`);
    const [row] = await this.#sql.query<{ n: number }>(cacheStatements.purgeExpired, [this.#nowMs(), limit]);
    return row?.n ?? 0;
  }

  // Whole ms: the columns are bigint, and a virtual clock may hand out fractions.
  #nowMs(): number {
    return Math.floor(this.#clock.now());
  }
}
