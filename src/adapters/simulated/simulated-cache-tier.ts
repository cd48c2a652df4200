import type { CacheLookup, CacheTier } from "../../ports/cache-tier.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Random } from "../../ports/random.ts";
import { assertLatency, type LogNormalLatency, logNormal } from "./log-normal.ts";

/**
 * Ratio mode: instead of answering from what was stored, a get hits with probability `hitRatio`
 * (conditional on the request reaching this tier). A hit returns the stored value if there is a live
 * one, else `synthesize(key)` with `ttlMs` left. This is how a benchmark reproduces the report's
 * 60 / 20 / 8 / 12 % split while the real cascade code runs on top.
 */
export interface CacheHitRatio {
  readonly hitRatio: number;
  /** The tier's TTL: the remaining TTL reported for a synthesized hit. */
  readonly ttlMs: number;
  /** The value of a hit on a key that was never stored (e.g. a canned qualification JSON). */
  readonly synthesize: (key: string) => string;
}

export interface SimulatedCacheTierOptions {
  readonly name: string;
  /** Virtual time: every call sleeps its latency on it, and TTLs count down on it. */
  readonly clock: Clock;
  /** The tier's own stream (e.g. `seeded.fork("L2")`), for latencies and hit draws. */
  readonly random: Random;
  readonly latency: LogNormalLatency;
  readonly ratio?: CacheHitRatio;
}

/** How many times each CacheTier method was called. */
export interface CacheTierCalls {
  get: number;
  set: number;
  delete: number;
  deleteTenant: number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * A cache tier for deterministic benchmarks: an in-memory map whose TTLs run on a (virtual) clock,
 * where every call first advances that clock by a log-normal latency. Draws per call, in order: two
 * uniforms for the latency, then, for a get in ratio mode, one for hit-or-miss. Without ratio mode
 * it is an ordinary cache (that is what the CacheTier contract checks).
 */
export class SimulatedCacheTier implements CacheTier {
  /** The name given at construction, e.g. "L2". */
  readonly name: string;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #latency: LogNormalLatency;
  readonly #ratio: CacheHitRatio | undefined;
  readonly #entries = new Map<string, Entry>();
  readonly #calls: CacheTierCalls = { get: 0, set: 0, delete: 0, deleteTenant: 0 };

  /** A tier named `options.name` with the given latency and, optionally, a hit ratio. */
  constructor(options: SimulatedCacheTierOptions) {
    assertLatency(options.latency, `SimulatedCacheTier ${options.name}`);
    const ratio = options.ratio;
    if (ratio && !(ratio.hitRatio >= 0 && ratio.hitRatio <= 1)) {
      throw new RangeError(
        `SimulatedCacheTier ${options.name}: hitRatio must be in [0, 1], got ${ratio.hitRatio}`,
      );
    }
    if (ratio && !(ratio.ttlMs > 0)) {
      throw new RangeError(`SimulatedCacheTier ${options.name}: ttlMs must be > 0, got ${ratio.ttlMs}`);
    }
    this.name = options.name;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#latency = options.latency;
    this.#ratio = ratio;
  }

  /** Calls so far, per method (a copy). */
  get calls(): Readonly<CacheTierCalls> {
    return { ...this.#calls };
  }

  /** The stored live value, or (in ratio mode) a hit or miss drawn at `hitRatio`. */
  async get(key: string): Promise<CacheLookup> {
    this.#calls.get++;
    await this.#elapse();
    const stored = this.#live(key);
    if (!this.#ratio) return stored ? hit(stored.value, stored.expiresAt - this.#clock.now()) : MISS;
    if (this.#random.next() >= this.#ratio.hitRatio) return MISS;
    if (stored) return hit(stored.value, stored.expiresAt - this.#clock.now());
    return hit(this.#ratio.synthesize(key), this.#ratio.ttlMs);
  }

  /** Stores `value` until `ttlMs` of virtual time after the call completes. */
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs))
      throw new RangeError(`${this.name}: ttlMs must be > 0, got ${ttlMs}`);
    this.#calls.set++;
    await this.#elapse();
    this.#entries.set(key, { value, expiresAt: this.#clock.now() + ttlMs });
  }

  /** Removes `key` if present. */
  async delete(key: string): Promise<void> {
    this.#calls.delete++;
    await this.#elapse();
    this.#entries.delete(key);
  }

  /** Removes every key starting with `<tenant>:`; returns how many live entries went. */
  async deleteTenant(tenant: string): Promise<number> {
    this.#calls.deleteTenant++;
    await this.#elapse();
    const prefix = `${tenant}:`;
    let removed = 0;
    for (const key of [...this.#entries.keys()]) {
      if (!key.startsWith(prefix)) continue;
      if (this.#live(key)) removed++;
      this.#entries.delete(key);
    }
    return removed;
  }

  #elapse(): Promise<void> {
    return this.#clock.sleep(logNormal(this.#random, this.#latency));
  }

  /** The entry if it has time left; an expired one is dropped on the way. */
  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#clock.now()) return entry;
    this.#entries.delete(key);
    return undefined;
  }
}

const MISS: CacheLookup = { kind: "miss" };

function hit(value: string, remainingTtlMs: number): CacheLookup {
  return { kind: "hit", value, remainingTtlMs };
}
