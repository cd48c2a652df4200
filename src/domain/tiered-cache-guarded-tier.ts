/**
 * One cache tier behind its circuit breaker, as TieredCache uses it: every call either succeeds or
 * comes back as a typed failure ("error", "timeout", or "skipped" when the circuit refused it); no
 * tier failure ever escapes as an exception, so one broken tier cannot fail a request.
 *
 * Timeouts are the adapters' job (each has its own command timeout). An adapter signals one by
 * throwing an error named "TimeoutError" (what AbortSignal.timeout raises) or with code "timeout" or
 * "ETIMEDOUT"; any other throw counts as an error.
 */
import type { CacheTier } from "../ports/cache-tier.ts";
import type { CircuitBreaker } from "./circuit-breaker.ts";
import type { TierOutcome } from "./tier-cascade.ts";

/** A tier call's result: the value, or why there is none. */
export type TierAttempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: "error" | "timeout" | "skipped"; readonly error: unknown };

/** A read's outcome for the cascade policy, plus the value on a hit. */
export interface TierRead {
  readonly outcome: TierOutcome;
  readonly value?: string;
}

/** A CacheTier guarded by a CircuitBreaker, with its position and TTL in the cascade. */
export class GuardedTier {
  /** Position in read order (0 = L1). */
  readonly index: number;
  readonly tier: CacheTier;
  /** The longest a value may live in this tier, in ms. */
  readonly ttlMs: number;
  readonly breaker: CircuitBreaker;

  /** Binds `tier` at position `index` with its TTL and breaker. */
  constructor(index: number, tier: CacheTier, ttlMs: number, breaker: CircuitBreaker) {
    this.index = index;
    this.tier = tier;
    this.ttlMs = ttlMs;
    this.breaker = breaker;
  }

  /** The tier's name ("L1", "L2", "L3"...). */
  get name(): string {
    return this.tier.name;
  }

  /** Reads `key`: a hit, a miss, or a failure outcome; never throws. */
  async read(key: string): Promise<TierRead> {
    const got = await this.attempt(() => this.tier.get(key));
    if (!got.ok) return { outcome: { kind: got.kind } };
    if (got.value.kind === "miss") return { outcome: { kind: "miss" } };
    return { outcome: { kind: "hit", remainingTtlMs: got.value.remainingTtlMs }, value: got.value.value };
  }

  /**
   * Calls the tier through the breaker and records the result. With `bypassBreaker` the call is made
   * even while the circuit is open: deletions must reach every tier (a CCPA erasure cannot be skipped).
   */
  async attempt<T>(call: () => Promise<T>, opts: { bypassBreaker?: boolean } = {}): Promise<TierAttempt<T>> {
    if (!this.breaker.tryAcquire() && !opts.bypassBreaker) {
      return { ok: false, kind: "skipped", error: new Error(`${this.name}: circuit open, call skipped`) };
    }
    try {
      const value = await call();
      this.breaker.recordSuccess();
      return { ok: true, value };
    } catch (error) {
      this.breaker.recordFailure();
      return { ok: false, kind: isTimeout(error) ? "timeout" : "error", error };
    }
  }
}

function isTimeout(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "TimeoutError" || code === "timeout" || code === "ETIMEDOUT";
}
