/** Which of TieredCache's tiers are local to the instance and which are shared, checked up front. */
import type { TierBinding, TieredCacheOptions } from "./tiered-cache-types.ts";

/**
 * The read-order indexes of the tiers named in `options.localTiers`, after checking the bindings:
 * unique names (never "origin"), TTLs > 0, local tiers that exist, a bus only with a local tier to
 * keep coherent, a distributed flight only with a shared tier to hand values over. Throws TypeError.
 */
export function localTierIndexes(tiers: readonly TierBinding[], options: TieredCacheOptions): Set<number> {
  const names = new Set<string>();
  for (const { tier, ttlMs } of tiers) {
    if (tier.name === "origin" || names.has(tier.name))
      throw new TypeError(`tier name "${tier.name}" is taken`);
    if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new TypeError(`${tier.name}: ttlMs must be > 0`);
    names.add(tier.name);
  }
  const local = new Set<number>();
  for (const name of options.localTiers ?? []) {
    const index = tiers.findIndex((b) => b.tier.name === name);
    if (index === -1) throw new TypeError(`localTiers: no tier is named "${name}"`);
    local.add(index);
  }
  if (options.invalidationBus && local.size === 0)
    throw new TypeError("an invalidation bus needs localTiers: the tiers it keeps coherent");
  if (options.distributedFlight && local.size === tiers.length)
    throw new TypeError("a distributed flight needs a shared tier to hand values over");
  return local;
}
