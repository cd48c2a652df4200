import type { Clock } from "../../ports/clock.ts";

/** 2026-02-14T00:00:00Z, the date of the performance report: a fixed start makes runs reproducible. */
export const DEFAULT_VIRTUAL_EPOCH_MS = Date.UTC(2026, 1, 14);

/**
 * Virtual time for discrete simulation: it moves only when told to. `sleep(ms)` advances the clock by
 * `ms` and resolves at once, so a simulated call "takes" its latency without any real waiting.
 *
 * Built for sequential simulation (one request at a time, as the benchmarks run). Concurrent sleepers
 * simply add their durations one after another; overlapping them would need an event scheduler
 * (wake the earliest sleeper first), which nothing needs yet.
 */
export class VirtualClock implements Clock {
  #now: number;

  /** Starts at `startMs` (default {@link DEFAULT_VIRTUAL_EPOCH_MS}). */
  constructor(startMs: number = DEFAULT_VIRTUAL_EPOCH_MS) {
    if (!Number.isFinite(startMs))
      throw new TypeError(`VirtualClock start must be a finite number, got ${startMs}`);
    this.#now = startMs;
  }

  /** The current virtual time in milliseconds since the Unix epoch. */
  now(): number {
    return this.#now;
  }

  /** Moves virtual time forward by `ms` (>= 0); time never runs backwards. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new TypeError(`VirtualClock.advance needs a finite ms >= 0, got ${ms}`);
    this.#now += ms;
  }

  /** Advances virtual time by `ms` (0 or less: no change) and resolves immediately. */
  async sleep(ms: number): Promise<void> {
    if (Number.isNaN(ms)) throw new TypeError("VirtualClock.sleep got NaN");
    if (ms > 0) this.advance(ms);
  }
}
