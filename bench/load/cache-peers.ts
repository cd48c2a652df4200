/**
 * The cache peer benchmarks, all in this process: (a) L1 vs lru-cache, (b) L1+L2 vs BentoCache on
 * Redis, (c) L3 vs raw pg. A comparison whose server is unreachable is skipped with its reason,
 * unless REQUIRE_SERVICES=1 (CI), where an unreachable service fails the run. Servers come from
 * REDIS_URL / DATABASE_URL (defaults: local), keys and schemas get a unique name and are removed.
 */
import { DATABASE_URL, REDIS_URL, skipUnless, uniqueName } from "../../test/support/services.ts";
import { compareCascade } from "./cache-peers-cascade.ts";
import { compareL1GetHit } from "./cache-peers-l1.ts";
import { compareL3Get } from "./cache-peers-l3.ts";
import type { MicroBenchPlan } from "./micro-bench.ts";
import type { PeerComparison } from "./peer-ratio.ts";

/** Iterations per side for the in-memory and the networked comparisons. */
export interface CachePeerPlans {
  readonly memory: MicroBenchPlan;
  readonly network: MicroBenchPlan;
}

/** Full run: ~40 s of the 5-minute budget on this machine. */
export const FULL_CACHE_PLANS: CachePeerPlans = Object.freeze({
  memory: { warmup: 20_000, iterations: 200_000 },
  network: { warmup: 1_000, iterations: 10_000 },
});
/** `--quick`: a few seconds. */
export const QUICK_CACHE_PLANS: CachePeerPlans = Object.freeze({
  memory: { warmup: 5_000, iterations: 20_000 },
  network: { warmup: 200, iterations: 1_000 },
});

/** What the cache peers measured, and what they could not. */
export interface CachePeerResults {
  readonly comparisons: PeerComparison[];
  /** One line per skipped comparison, with the reason. */
  readonly skipped: string[];
}

export interface CachePeerOptions {
  readonly plans?: CachePeerPlans;
  /** Told as each comparison finishes (progress output). */
  readonly onComparison?: (comparison: PeerComparison) => void;
}

/** Runs (a), (b) and (c) in turn. */
export async function runCachePeers(options: CachePeerOptions = {}): Promise<CachePeerResults> {
  const plans = options.plans ?? FULL_CACHE_PLANS;
  const comparisons: PeerComparison[] = [];
  const skipped: string[] = [];
  const record = (c: PeerComparison): void => {
    comparisons.push(c);
    options.onComparison?.(c);
  };
  record(await compareL1GetHit(plans.memory));
  const redisSkip = await skipUnless("redis");
  if (redisSkip) skipped.push(`L1+L2 vs BentoCache: ${redisSkip}`);
  else for (const c of await compareCascade(REDIS_URL, uniqueName("ehbench"), plans.network)) record(c);
  const pgSkip = await skipUnless("postgres");
  if (pgSkip) skipped.push(`L3 vs raw pg: ${pgSkip}`);
  else record(await compareL3Get(DATABASE_URL, uniqueName("ehbench").toLowerCase(), plans.network));
  return { comparisons, skipped };
}
