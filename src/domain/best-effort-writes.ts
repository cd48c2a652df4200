/**
 * Writes a request may lose without failing: an answer that can be served without being stored (a
 * qualification while PostgreSQL is down) is served, and says it was not stored. Only an unreachable
 * store is tolerated; any other error (a bad statement, a bug) still fails the request.
 */

/** The stable code adapters give an error meaning "the store is out of reach" (StoreUnavailableError). */
export const STORE_UNAVAILABLE = "store_unavailable";

/** True when `err` says the store could not be reached, rather than that the write itself was wrong. */
export function isStoreUnavailable(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === STORE_UNAVAILABLE;
}

/** A request's writes to one store, each allowed to fail only because that store is unreachable. */
export class BestEffortWrites {
  #unavailable = false;

  /** True until a write found the store unreachable. */
  get allStored(): boolean {
    return !this.#unavailable;
  }

  /**
   * Runs `write`; undefined when the store is unreachable. Once it was found so, later writes are
   * skipped: each would wait out the same timeout only to fail the same way.
   */
  async run<T>(write: () => Promise<T>): Promise<T | undefined> {
    if (this.#unavailable) return undefined;
    try {
      return await write();
    } catch (err) {
      if (!isStoreUnavailable(err)) throw err;
      this.#unavailable = true;
      return undefined;
    }
  }
}
