/**
 * A circuit breaker for one dependency (a cache tier). Closed: calls pass; `failureThreshold`
 * consecutive failures open it. Open: calls are refused without touching the dependency, so an
 * outage costs nothing per request, for `cooldownMs`. Then half-open: exactly one trial call is let
 * through; its success closes the circuit, its failure opens it again for another cooldown.
 * Time comes from the Clock port, so tests and simulations drive it.
 */
import type { Clock } from "../ports/clock.ts";

/** The breaker's state, as /ready and metrics report it. */
export type BreakerState = "closed" | "open" | "half_open";

/** Tuning; both optional. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (integer >= 1; default 3). */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before a trial call, in ms (>= 0; default 5,000). */
  readonly cooldownMs?: number;
}

/** A point-in-time view of a breaker. */
export interface BreakerSnapshot {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  /** When an open circuit lets a trial call through (epoch ms); undefined unless open. */
  readonly retryAt: number | undefined;
}

/** Thrown by `run` when the circuit refuses the call; `code` is stable. */
export class CircuitOpenError extends Error {
  readonly code = "circuit_open";
  constructor(message = "circuit open: call refused") {
    super(message);
    this.name = "CircuitOpenError";
  }
}

/** Closed → open after N consecutive failures → half-open after a cooldown → one trial decides. */
export class CircuitBreaker {
  readonly #clock: Clock;
  readonly #threshold: number;
  readonly #cooldownMs: number;
  #state: BreakerState = "closed";
  #failures = 0;
  #openedAt = 0;
  #trialInFlight = false;

  /** A closed breaker reading time from `clock`. */
  constructor(clock: Clock, options: CircuitBreakerOptions = {}) {
    const { failureThreshold = 3, cooldownMs = 5_000 } = options;
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
      throw new TypeError(`failureThreshold must be an integer >= 1, got ${failureThreshold}`);
    }
    if (!(Number.isFinite(cooldownMs) && cooldownMs >= 0)) {
      throw new TypeError(`cooldownMs must be a finite number >= 0, got ${cooldownMs}`);
    }
    this.#clock = clock;
    this.#threshold = failureThreshold;
    this.#cooldownMs = cooldownMs;
  }

  /** The current state (an open circuit whose cooldown has passed reads as half_open). */
  get state(): BreakerState {
    if (this.#state === "open" && this.#clock.now() >= this.#openedAt + this.#cooldownMs)
      this.#state = "half_open";
    return this.#state;
  }

  /** Asks to make one call: true when it may go ahead, and then its result must be recorded. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  /** Records a permitted call that succeeded. */
  recordSuccess(): void {
    // A late success from before the circuit opened proves nothing about the dependency now.
    if (this.state === "open") return;
    this.#state = "closed";
    this.#failures = 0;
    this.#trialInFlight = false;
  }

  /** Records a permitted call that failed. */
  recordFailure(): void {
    const state = this.state;
    // Failures of calls made before the circuit opened must not push the trial further away.
    if (state === "open") return;
    this.#failures++;
    if (state === "half_open" || this.#failures >= this.#threshold) this.#open();
  }

  /** Runs `call` if the circuit allows it, recording the outcome; else throws CircuitOpenError. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (!this.tryAcquire()) throw new CircuitOpenError();
    try {
      const result = await call();
      this.recordSuccess();
      return result;
    } catch (error) {
      this.recordFailure();
      throw error;
    }
  }

  /** State, consecutive failures and, when open, the time of the next trial. */
  snapshot(): BreakerSnapshot {
    const state = this.state;
    const retryAt = state === "open" ? this.#openedAt + this.#cooldownMs : undefined;
    return { state, consecutiveFailures: this.#failures, retryAt };
  }

  #open(): void {
    this.#state = "open";
    this.#openedAt = this.#clock.now();
    this.#trialInFlight = false;
  }
}
