/**
 * L1 + L2 peer: our TieredCache over LruCacheTier + RedisCacheTier against BentoCache (memory +
 * Redis), on the same Redis, keys and values: get on an L1 hit, get on an L2 hit, set.
 *
 * An L2 hit is made honestly for both: a writer instance stores the keys, and a second, fresh
 * instance (its own empty L1, the same Redis prefix) reads each key exactly once, so every timed read
 * misses L1 and hits L2 (then backfills L1, as each library does). Ours is checked to report "L2".
 */
import type { Redis } from "ioredis";
import { connectRedis, createRedis } from "../../src/adapters/redis/redis-connection.ts";
import {
  CASCADE_TTL_MS,
  type CascadeUnderTest,
  createBentoCascade,
  createOurCascade,
} from "./cascade-under-test.ts";
import { BENCH_VALUE, benchKey, benchmarkPair, type MicroBenchPlan } from "./micro-bench.ts";
import { comparison, type PeerComparison } from "./peer-ratio.ts";

const HOT_KEYS = 1_000;
const LABELS = { ours: "TieredCache (lru-cache + Redis)", peer: "BentoCache (memory + Redis)" };

interface Pair {
  readonly writer: CascadeUnderTest;
  readonly reader: CascadeUnderTest;
}

/** The three cascade comparisons; keys live under `keyRoot` in Redis and are removed afterwards. */
export async function compareCascade(
  redisUrl: string,
  keyRoot: string,
  plan: MicroBenchPlan,
): Promise<PeerComparison[]> {
  // One connection per library, configured alike (ours fail-fast settings, a roomier timeout for a busy box).
  const ourRedis = createRedis(redisUrl, { commandTimeoutMs: 2_000, connectionName: "bench-ours" });
  const peerRedis = createRedis(redisUrl, { commandTimeoutMs: 2_000, connectionName: "bench-bento" });
  const opened: CascadeUnderTest[] = [];
  try {
    await Promise.all([connectRedis(ourRedis), connectRedis(peerRedis)]);
    const open = (make: () => CascadeUnderTest) => {
      const cache = make();
      opened.push(cache);
      return cache;
    };
    const ours: Pair = {
      writer: open(() => createOurCascade(ourRedis, `${keyRoot}:eh:`)),
      reader: open(() => createOurCascade(ourRedis, `${keyRoot}:eh:`)),
    };
    const peer: Pair = {
      writer: open(() => createBentoCascade(peerRedis, `${keyRoot}:bento`)),
      reader: open(() => createBentoCascade(peerRedis, `${keyRoot}:bento`)),
    };
    return [
      await getOnL1Hit(ours, peer, plan),
      await getOnL2Hit(ours, peer, plan),
      await setBoth(ours, peer, plan),
    ];
  } finally {
    for (const cache of opened) await cache.close();
    await removeKeys(ourRedis, `${keyRoot}:`).catch(() => {});
    ourRedis.disconnect();
    peerRedis.disconnect();
  }
}

async function getOnL1Hit(ours: Pair, peer: Pair, plan: MicroBenchPlan): Promise<PeerComparison> {
  const keys = Array.from({ length: HOT_KEYS }, (_, i) => benchKey("hot", i));
  for (const pair of [ours, peer]) await preload(pair.writer, keys);
  const read = (cache: CascadeUnderTest, source: string) => async (i: number) => {
    const got = await cache.get(keys[i % HOT_KEYS]!);
    if (!got || (got.source !== source && got.source !== "unknown"))
      throw new Error(`expected an ${source} hit`);
  };
  const pair = await benchmarkPair(read(ours.writer, "L1"), read(peer.writer, "L1"), plan);
  return comparison("L1+L2 get (L1 hit)", LABELS, "µs", pair.ours, pair.peer);
}

async function getOnL2Hit(ours: Pair, peer: Pair, plan: MicroBenchPlan): Promise<PeerComparison> {
  const keys = Array.from({ length: plan.warmup + plan.iterations }, (_, i) => benchKey("l2", i));
  for (const pair of [ours, peer]) await preload(pair.writer, keys);
  // Each index is read once by the fresh reader: its L1 has never seen the key.
  const read = (cache: CascadeUnderTest) => async (i: number) => {
    const got = await cache.get(keys[i]!);
    if (!got || (got.source !== "L2" && got.source !== "unknown")) throw new Error("expected an L2 hit");
  };
  const pair = await benchmarkPair(read(ours.reader), read(peer.reader), plan);
  return comparison("L1+L2 get (L2 hit)", LABELS, "µs", pair.ours, pair.peer);
}

async function setBoth(ours: Pair, peer: Pair, plan: MicroBenchPlan): Promise<PeerComparison> {
  const write = (cache: CascadeUnderTest) => (i: number) =>
    cache.set(benchKey("set", i), BENCH_VALUE, CASCADE_TTL_MS);
  const pair = await benchmarkPair(write(ours.writer), write(peer.writer), plan);
  return comparison("L1+L2 set", LABELS, "µs", pair.ours, pair.peer);
}

/** Stores every key, 200 at a time (sequential writes of 20k keys would dominate the run). */
async function preload(cache: CascadeUnderTest, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 200) {
    await Promise.all(keys.slice(i, i + 200).map((key) => cache.set(key, BENCH_VALUE, CASCADE_TTL_MS)));
  }
}

/** SCAN + UNLINK of every key starting with `prefix` (the run's own unique root: nothing else matches). */
async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1_000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}
