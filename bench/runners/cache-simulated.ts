/**
 * The cache benchmark, simulated (report section 3): the real TieredCache over three simulated tiers on
 * a virtual clock, each tier's read latency drawn from its calibrated log-normal and each tier's hit
 * decided by its calibrated ratio (60 / 20 / 8 / 12 % of all requests). A tier's latency figure is its own
 * read time on hits; the overall figure is the whole cascade (reads, backfills) for requests some tier answered.
 */
import { logNormal } from "../../src/adapters/simulated/log-normal.ts";
import { SeededRandom } from "../../src/adapters/simulated/seeded-random.ts";
import { SimulatedCacheTier } from "../../src/adapters/simulated/simulated-cache-tier.ts";
import { VirtualClock } from "../../src/adapters/simulated/virtual-clock.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";
import { ENDPOINT_LATENCY, TIER_HIT_RATIOS, TIER_LATENCY } from "../calibration.ts";
import type { CacheResult, TierName } from "../report/types.ts";
import { TIER_NAMES } from "../report/types.ts";
import { figures } from "./latency-figures.ts";
import { TimedTier } from "./timed-tier.ts";

const TTL_MS = { L1: 300_000, L2: 3_600_000, L3: 86_400_000 } as const;
const CACHED_VALUE = JSON.stringify({
  qualification: { intent: "buy", intentConfidence: 0.9, timeline: "0-3m", financing: "pre_approved" },
  model: "claude-sonnet-4-5",
});

/** Records how long each hit took at one tier, on the virtual clock. */

/** Runs `operations` cache reads with seed `seed`; `onStep` is called after each. */
export async function runCacheSimulated(
  operations: number,
  seed: number,
  onStep: () => void = () => {},
): Promise<CacheResult> {
  const clock = new VirtualClock();
  const root = new SeededRandom(seed);
  const tiers = TIER_NAMES.map(
    (name) =>
      new TimedTier(
        new SimulatedCacheTier({
          name,
          clock,
          random: root.fork(`cache.${name}`),
          latency: TIER_LATENCY[name],
          ratio: { hitRatio: TIER_HIT_RATIOS[name], ttlMs: TTL_MS[name], synthesize: () => CACHED_VALUE },
        }),
        () => clock.now(),
      ),
  );
  const cache = new TieredCache(
    tiers.map((tier) => ({ tier, ttlMs: TTL_MS[tier.name as TierName] })),
    clock,
  );
  const origin = root.fork("cache.origin");
  const hitLatency: number[] = [];
  const originLatency: number[] = [];
  for (let i = 0; i < operations; i++) {
    const t0 = clock.now();
    const read = await cache.getOrCompute(`bench:qualify:${i.toString(36)}`, async () => {
      const ms = logNormal(origin, ENDPOINT_LATENCY.qualify.llm);
      await clock.sleep(ms);
      originLatency.push(ms);
      return { value: CACHED_VALUE };
    });
    if (read.source !== "origin") hitLatency.push(clock.now() - t0);
    onStep();
  }
  const stats = cache.stats();
  const hits = stats.hits;
  return {
    operations,
    tiers: tiers.map((t, i) => {
      const s = stats.tiers[i]!;
      return {
        tier: t.name as TierName,
        lookups: s.lookups,
        hits: s.hits,
        hitRate: s.hits / operations,
        latency: figures(t.hitLatencies, "modeled"),
      };
    }),
    overall: { hits, hitRate: hits / operations, latency: figures(hitLatency, "modeled") },
    misses: operations - hits,
    originLatency: figures(originLatency, "modeled"),
  };
}
