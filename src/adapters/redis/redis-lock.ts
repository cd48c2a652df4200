import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { DistributedLock } from "../../ports/distributed-lock.ts";

// Delete the lease only if it is still ours: after our TTL ran out another instance may hold it.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The lock service could not answer (unreachable, refused or too slow); `code` is stable. */
export class LockUnavailableError extends Error {
  readonly code = "lock_unavailable";

  /** `operation` failed; `cause` keeps the client library's error. */
  constructor(operation: string, cause: unknown) {
    super(`lock ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "LockUnavailableError";
  }
}

export interface RedisLockOptions {
  /**
   * Namespace of this environment's leases, e.g. "eh:prod:lock:". Keep it apart from the cache
   * tier's prefix, or a tenant named like it would see the leases in its SCAN (and delete them).
   */
  readonly prefix: string;
}

/**
 * Single-instance Redis lease (the classic SET NX PX + compare-and-delete): one key per lock, a
 * random token as its value. Every call is one command bounded by the client's command timeout
 * (see createRedis); failures throw LockUnavailableError. Not Redlock: a Redis failover can lose a
 * lease, which here costs at most one duplicate computation, never a wrong answer.
 */
export class RedisLock implements DistributedLock {
  readonly #redis: Redis;
  readonly #prefix: string;

  /** Leases on `redis` (owned by the caller, who connects and quits it) under `options.prefix`. */
  constructor(redis: Redis, options: RedisLockOptions) {
    this.#redis = redis;
    this.#prefix = options.prefix;
  }

  /** SET key token NX PX ttl: the token when the lease was free, else undefined. */
  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) throw new RangeError(`ttlMs must be > 0, got ${ttlMs}`);
    const token = randomUUID();
    const reply = await this.#run("acquire", () =>
      this.#redis.set(this.#prefix + key, token, "PX", Math.ceil(ttlMs), "NX"),
    );
    return reply === "OK" ? token : undefined;
  }

  /** Deletes the lease if `token` still holds it, atomically (Lua); false if it expired or moved on. */
  async release(key: string, token: string): Promise<boolean> {
    const deleted = await this.#run("release", () => this.#redis.eval(RELEASE, 1, this.#prefix + key, token));
    return deleted === 1;
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new LockUnavailableError(operation, error);
    }
  }
}
