/**
 * A mutual-exclusion lease shared by every instance of the service (Redis in production), so that
 * one of them computes a cold key while the others wait for its result. A lease expires by itself
 * after its TTL, so a holder that crashes blocks the others at most that long.
 */
export interface DistributedLock {
  /**
   * Takes `key` for `ttlMs` milliseconds if nobody holds it: the token proving ownership, or
   * undefined when another holder has it. Throws when the lock service cannot answer.
   */
  acquire(key: string, ttlMs: number): Promise<string | undefined>;
  /** Frees `key` if `token` still holds it (never someone else's lease); true when it did. Throws when unreachable. */
  release(key: string, token: string): Promise<boolean>;
}

export const DISTRIBUTED_LOCK = Symbol.for("eh.DistributedLock");
