/**
 * L1 coherence between instances: after a set, delete or tenant deletion the cache announces the
 * keys on an InvalidationBus, and when another instance announces some, it drops them from its local
 * tiers only (its L1). Shared tiers (L2, L3) were already changed by the announcer, so the next read
 * here falls through to them and finds the new state.
 */
import type { Invalidation, InvalidationBus } from "../ports/invalidation-bus.ts";
import { isValidTenant } from "./cache-key.ts";
import type { CacheStats } from "./cache-stats.ts";
import type { GuardedTier } from "./tiered-cache-guarded-tier.ts";

/** The link between one cache's local tiers and the bus. */
export class LocalTierInvalidation {
  readonly #bus: InvalidationBus;
  readonly #local: readonly GuardedTier[];
  readonly #stats: CacheStats;
  readonly #forget: (matches: (key: string) => boolean) => void;
  readonly #unsubscribe: () => void;

  /**
   * Subscribes to `bus`. On each message the matching keys are first passed to `forget` (so reads
   * in flight do not write the old value back), then deleted from the `local` tiers.
   */
  constructor(
    bus: InvalidationBus,
    local: readonly GuardedTier[],
    stats: CacheStats,
    forget: (matches: (key: string) => boolean) => void,
  ) {
    this.#bus = bus;
    this.#local = local;
    this.#stats = stats;
    this.#forget = forget;
    this.#unsubscribe = bus.subscribe((invalidation) => this.#apply(invalidation));
  }

  /** Tells the other instances what to drop; never rejects (the bus counts its own failures). */
  async announce(invalidation: Invalidation): Promise<void> {
    try {
      if (invalidation.kind === "keys") await this.#bus.publish(invalidation.keys);
      else await this.#bus.publishTenant(invalidation.tenant);
    } catch {
      // A lost announcement leaves other L1 copies to expire by their TTL; it must not fail the write.
    }
  }

  /** Stops listening (the bus itself stays open: its owner closes it). */
  stop(): void {
    this.#unsubscribe();
  }

  #apply(invalidation: Invalidation): void {
    if (invalidation.kind === "tenant" && !isValidTenant(invalidation.tenant)) return;
    this.#forget(matcherOf(invalidation));
    for (const t of this.#local) {
      if (invalidation.kind === "tenant") this.#drop(t, () => t.tier.deleteTenant(invalidation.tenant));
      else for (const key of invalidation.keys) this.#drop(t, () => t.tier.delete(key));
    }
  }

  // Like a local delete, this reaches a tier whose circuit is open; a failure is counted, not thrown.
  #drop(tier: GuardedTier, call: () => Promise<unknown>): void {
    void tier.attempt(call, { bypassBreaker: true }).then((r) => {
      if (!r.ok) this.#stats.recordWriteError(tier.index);
    });
  }
}

/** Whether a key is one `invalidation` names. */
export function matcherOf(invalidation: Invalidation): (key: string) => boolean {
  if (invalidation.kind === "tenant") {
    const prefix = `${invalidation.tenant}:`;
    return (key) => key.startsWith(prefix);
  }
  const keys = new Set(invalidation.keys);
  return (key) => keys.has(key);
}
