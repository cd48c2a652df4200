/** Wall or virtual time. The domain never reads the clock directly. */
export interface Clock {
  /** Milliseconds since the Unix epoch (virtual in simulations). */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export const CLOCK = Symbol.for("eh.Clock");
