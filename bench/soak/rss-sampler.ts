/**
 * Samples a process's resident set size at a fixed interval during a soak: its growth from the first
 * reading to the last is what a leak would show, its peak what capacity planning needs.
 */
import type { ResourceProbe } from "../load/process-probes.ts";

/** RSS over a run, in bytes. */
export interface RssSummary {
  readonly startBytes: number;
  readonly peakBytes: number;
  readonly endBytes: number;
  /** endBytes - startBytes (negative when memory was given back). */
  readonly growthBytes: number;
  readonly readings: number;
}

/** Summarizes RSS readings taken in order; throws on none. */
export function summarizeRss(readings: readonly number[]): RssSummary {
  const first = readings[0];
  const last = readings.at(-1);
  if (first === undefined || last === undefined) throw new TypeError("no RSS readings");
  return {
    startBytes: first,
    peakBytes: Math.max(...readings),
    endBytes: last,
    growthBytes: last - first,
    readings: readings.length,
  };
}

/** Reads `probe` now and every `intervalMs` until `stop()`, which takes a last reading. */
export class RssSampler {
  readonly #probe: ResourceProbe;
  readonly #readings: number[] = [];
  readonly #timer: NodeJS.Timeout;

  /** Starts sampling at once. */
  constructor(probe: ResourceProbe, intervalMs = 1_000) {
    this.#probe = probe;
    this.#read();
    this.#timer = setInterval(() => this.#read(), intervalMs);
  }

  /** Stops sampling and summarizes. */
  stop(): RssSummary {
    clearInterval(this.#timer);
    this.#read();
    return summarizeRss(this.#readings);
  }

  #read(): void {
    try {
      this.#readings.push(this.#probe.read().rssBytes);
    } catch {
      // A reading lost to a racing exit is not worth failing the soak for; stop() reports what was read.
    }
  }
}
