/**
 * Distributed single flight: at most one origin computation per cold key across all instances, on a
 * DistributedLock lease. The lease holder re-reads the shared tiers (another instance may have just
 * finished), else computes and stores, then releases. Every other instance polls the shared tiers
 * with doubling pauses until the value appears, or takes the lease over once it is free (the holder
 * failed, stored nothing, or crashed and its TTL ran out).
 *
 * Availability over strictness: a waiter that has waited `maxWaitMs` computes by itself, and a lock
 * that cannot be reached (Redis down) means computing locally at once. Either costs a duplicate
 * computation, never a failed or hung request. Waits use the Clock port, so the domain stays pure.
 */
import type { Clock } from "../ports/clock.ts";
import type { DistributedLock } from "../ports/distributed-lock.ts";
import type { CacheRead } from "./tiered-cache-types.ts";

/** The lock and the timing of the protocol. */
export interface DistributedFlightOptions {
  readonly lock: DistributedLock;
  /** Lease length (ms); should exceed nearly every computation. A crashed holder blocks the others this long. Default 10,000. */
  readonly lockTtlMs?: number;
  /** The longest a waiter waits before computing itself (ms). Default 2 × lockTtlMs, so a takeover normally comes first. */
  readonly maxWaitMs?: number;
  /** First pause between polls (ms), doubled after each poll. Default 10. */
  readonly pollMinMs?: number;
  /** Longest pause between polls (ms). Default 200. */
  readonly pollMaxMs?: number;
}

/** What the flights of one cache did, for metrics and tests. */
export interface DistributedFlightCounters {
  /** Flights that held the lease (first try or after waiting). */
  acquired: number;
  /** Flights that found the lease taken and waited. */
  waited: number;
  /** Flights served a value another instance stored in a shared tier. */
  servedFromPeer: number;
  /** Waiting flights that got the lease once it was free. */
  tookOver: number;
  /** Waiting flights that gave up after maxWaitMs and computed by themselves. */
  timedOut: number;
  /** Flights that computed locally because the lock could not be reached. */
  lockErrors: number;
  /** Releases that failed (the lease then ends with its TTL). */
  releaseErrors: number;
}

/** What a flight can do with the cache's tiers. */
export interface FlightSteps {
  /** Reads the shared tiers (backfilling above a hit); undefined when none has the key. */
  readonly readShared: () => Promise<CacheRead | undefined>;
  /** Computes the value at the origin and stores it in the tiers. */
  readonly compute: () => Promise<CacheRead>;
}

const LOCK_DOWN = Symbol("lock down");

/** Runs distributed flights over one lock. */
export class DistributedFlight {
  readonly #clock: Clock;
  readonly #lock: DistributedLock;
  readonly #lockTtlMs: number;
  readonly #maxWaitMs: number;
  readonly #pollMinMs: number;
  readonly #pollMaxMs: number;
  readonly #counters: DistributedFlightCounters = {
    acquired: 0,
    waited: 0,
    servedFromPeer: 0,
    tookOver: 0,
    timedOut: 0,
    lockErrors: 0,
    releaseErrors: 0,
  };

  /** Flights over `options.lock`, waiting on `clock`; throws TypeError for a bad timing. */
  constructor(clock: Clock, options: DistributedFlightOptions) {
    this.#clock = clock;
    this.#lock = options.lock;
    this.#lockTtlMs = options.lockTtlMs ?? 10_000;
    this.#maxWaitMs = options.maxWaitMs ?? 2 * this.#lockTtlMs;
    this.#pollMinMs = options.pollMinMs ?? 10;
    this.#pollMaxMs = options.pollMaxMs ?? 200;
    if (!(this.#lockTtlMs > 0 && Number.isFinite(this.#lockTtlMs)))
      throw new TypeError("lockTtlMs must be > 0");
    if (!(this.#maxWaitMs >= 0 && Number.isFinite(this.#maxWaitMs)))
      throw new TypeError("maxWaitMs must be >= 0");
    if (!(this.#pollMinMs > 0 && this.#pollMaxMs >= this.#pollMinMs && Number.isFinite(this.#pollMaxMs)))
      throw new TypeError("need 0 < pollMinMs <= pollMaxMs");
  }

  /** A copy of the counters. */
  counters(): DistributedFlightCounters {
    return { ...this.#counters };
  }

  /** The value for `key` after a full cascade miss: from the lease holder's work or, failing that, computed here. */
  async run(key: string, steps: FlightSteps): Promise<CacheRead> {
    const deadline = this.#clock.now() + this.#maxWaitMs;
    let pause = this.#pollMinMs;
    for (let attempt = 0; ; attempt++) {
      const token = await this.#tryAcquire(key);
      if (token === LOCK_DOWN) return steps.compute();
      if (token !== undefined) {
        if (attempt > 0) this.#counters.tookOver++;
        return this.#lead(key, token, steps);
      }
      if (attempt === 0) this.#counters.waited++;
      const left = deadline - this.#clock.now();
      if (left <= 0) {
        this.#counters.timedOut++;
        return steps.compute();
      }
      await this.#clock.sleep(Math.min(pause, left));
      pause = Math.min(2 * pause, this.#pollMaxMs);
      const found = await steps.readShared();
      if (found) return this.#fromPeer(found);
    }
  }

  // Holding the lease: double-check the shared tiers, since the previous holder may have finished
  // between our cascade miss and our acquire; release without waiting (the TTL covers a failure).
  async #lead(key: string, token: string, steps: FlightSteps): Promise<CacheRead> {
    this.#counters.acquired++;
    try {
      const found = await steps.readShared();
      return found ? this.#fromPeer(found) : await steps.compute();
    } finally {
      void this.#release(key, token);
    }
  }

  async #release(key: string, token: string): Promise<void> {
    try {
      await this.#lock.release(key, token);
    } catch {
      this.#counters.releaseErrors++;
    }
  }

  async #tryAcquire(key: string): Promise<string | undefined | typeof LOCK_DOWN> {
    try {
      return await this.#lock.acquire(key, this.#lockTtlMs);
    } catch {
      this.#counters.lockErrors++;
      return LOCK_DOWN;
    }
  }

  #fromPeer(found: CacheRead): CacheRead {
    this.#counters.servedFromPeer++;
    return found;
  }
}
