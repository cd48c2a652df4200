/**
 * L1 peer: our LruCacheTier against lru-cache used directly, get on a hit. The peer gets the same
 * lru-cache configuration the tier builds, so the ratio is exactly the tier's own cost: the async
 * port, the remaining-TTL report and the hit / miss result object.
 */
import { LRUCache } from "lru-cache";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { BENCH_VALUE, benchKey, benchmarkPair, type MicroBenchPlan } from "./micro-bench.ts";
import { comparison, type PeerComparison } from "./peer-ratio.ts";

/** Keys read in a cycle: enough that lookups are not all one hot cache line. */
const HOT_KEYS = 1_000;
const TTL_MS = 10 * 60_000;

/** LruCacheTier.get vs LRUCache.get on keys that are all present. */
export async function compareL1GetHit(plan: MicroBenchPlan): Promise<PeerComparison> {
  const tier = new LruCacheTier();
  // LruCacheTier's defaults (10,000 entries, 64 MiB, size by UTF-16 length, clock read on every check).
  const lru = new LRUCache<string, string>({
    max: 10_000,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (value, key) => Math.max(1, (key.length + value.length) * 2),
    ttlResolution: 0,
  });
  const keys = Array.from({ length: HOT_KEYS }, (_, i) => benchKey("l1", i));
  for (const key of keys) {
    await tier.set(key, BENCH_VALUE, TTL_MS);
    lru.set(key, BENCH_VALUE, { ttl: TTL_MS });
  }
  const pair = await benchmarkPair(
    async (i) => {
      const got = await tier.get(keys[i % HOT_KEYS]!);
      if (got.kind !== "hit") throw new Error("L1 benchmark expected a hit");
    },
    (i) => {
      if (lru.get(keys[i % HOT_KEYS]!) === undefined) throw new Error("lru-cache benchmark expected a hit");
    },
    plan,
  );
  return comparison(
    "L1 get (hit)",
    { ours: "LruCacheTier", peer: "lru-cache direct" },
    "µs",
    pair.ours,
    pair.peer,
  );
}
