import { randomUUID } from "node:crypto";
import type { Clock } from "../../ports/clock.ts";
import type { DistributedLock } from "../../ports/distributed-lock.ts";

/**
 * The distributed lock inside one process (tests, embedded mode). It is a real lease: exclusive
 * until released or until its TTL runs out on `clock`, so several caches in one process coordinate
 * as separate instances would. A single cache never contends for it (its own single flight lets
 * one caller per key through), so there it always grants.
 */
export class MemoryLock implements DistributedLock {
  readonly #clock: Clock;
  readonly #leases = new Map<string, { readonly token: string; readonly expiresAt: number }>();

  /** Leases expire on `clock` (a virtual clock in tests). */
  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** A fresh token if `key` is free or its lease has expired; otherwise undefined. */
  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) throw new RangeError(`ttlMs must be > 0, got ${ttlMs}`);
    const now = this.#clock.now();
    const lease = this.#leases.get(key);
    if (lease && lease.expiresAt > now) return undefined;
    const token = randomUUID();
    this.#leases.set(key, { token, expiresAt: now + ttlMs });
    return token;
  }

  /** Frees `key` when `token` holds an unexpired lease on it. */
  async release(key: string, token: string): Promise<boolean> {
    const lease = this.#leases.get(key);
    if (!lease || lease.token !== token) return false;
    this.#leases.delete(key);
    return lease.expiresAt > this.#clock.now();
  }
}
