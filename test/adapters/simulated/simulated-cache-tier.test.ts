import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/adapters/simulated/seeded-random.ts";
import {
  type CacheHitRatio,
  SimulatedCacheTier,
} from "../../../src/adapters/simulated/simulated-cache-tier.ts";
import { VirtualClock } from "../../../src/adapters/simulated/virtual-clock.ts";
import { describeCacheTierContract } from "../../contracts/cache-tier.contract.ts";

const L2_LATENCY = { medianMs: 2.5, sigma: 0.19 };

function tier(seed = 42, ratio?: CacheHitRatio) {
  const clock = new VirtualClock();
  const cache = new SimulatedCacheTier({
    name: "L2",
    clock,
    random: new SeededRandom(seed).fork("L2"),
    latency: L2_LATENCY,
    ...(ratio ? { ratio } : {}),
  });
  return { clock, cache };
}

describeCacheTierContract("simulated (virtual clock)", async () => {
  const { clock, cache } = tier();
  return { tier: cache, tick: async (ms) => clock.advance(ms), ttlSlackMs: 0 };
});

describe("SimulatedCacheTier", () => {
  it("advances the virtual clock by a positive latency on every call", async () => {
    const { clock, cache } = tier();
    const times = [clock.now()];
    await cache.set("t:op:1", "v", 1_000);
    times.push(clock.now());
    await cache.get("t:op:1");
    times.push(clock.now());
    await cache.delete("t:op:1");
    times.push(clock.now());
    await cache.deleteTenant("t");
    times.push(clock.now());
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] ?? 0);
  });

  it("counts calls per method", async () => {
    const { cache } = tier();
    await cache.set("t:op:1", "v", 1_000);
    await cache.get("t:op:1");
    await cache.get("t:op:2");
    await cache.deleteTenant("t");
    expect(cache.calls).toEqual({ get: 2, set: 1, delete: 0, deleteTenant: 1 });
  });

  it("counts TTLs down on virtual time, including the time its own calls take", async () => {
    const { clock, cache } = tier();
    await cache.set("t:op:1", "v", 10_000);
    const setAt = clock.now();
    const got = await cache.get("t:op:1");
    expect(got.kind === "hit" && got.remainingTtlMs).toBeCloseTo(10_000 - (clock.now() - setAt), 9);
  });

  it("replays the same clock readings and answers for the same seed", async () => {
    const run = async () => {
      const { clock, cache } = tier(42, { hitRatio: 0.6, ttlMs: 5_000, synthesize: (k) => `syn:${k}` });
      const trace: unknown[] = [];
      for (let i = 0; i < 200; i++) trace.push(await cache.get(`t:op:${i % 17}`), clock.now());
      return trace;
    };
    expect(await run()).toEqual(await run());
  });

  it("rejects a non-positive TTL and an out-of-range hit ratio", async () => {
    const { cache } = tier();
    await expect(cache.set("t:op:1", "v", 0)).rejects.toThrow(RangeError);
    expect(() => tier(1, { hitRatio: 1.5, ttlMs: 1_000, synthesize: () => "" })).toThrow(RangeError);
    expect(() => tier(1, { hitRatio: 0.5, ttlMs: 0, synthesize: () => "" })).toThrow(RangeError);
  });

  it("property: without ratio mode it answers exactly like a map with expiry", async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("set" as const),
        key: fc.integer({ min: 0, max: 4 }),
        ttl: fc.integer({ min: 1, max: 50 }),
      }),
      fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant("tick" as const), ms: fc.integer({ min: 0, max: 60 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        // Zero latency, so the model needs no knowledge of the latency draws.
        const clock = new VirtualClock(1_000);
        const cache = new SimulatedCacheTier({
          name: "L1",
          clock,
          random: new SeededRandom(1),
          latency: { medianMs: 0, sigma: 0 },
        });
        const model = new Map<string, { value: string; until: number }>();
        for (const [i, o] of ops.entries()) {
          if (o.kind === "tick") clock.advance(o.ms);
          else if (o.kind === "set") {
            await cache.set(`t:op:${o.key}`, `v${i}`, o.ttl);
            model.set(`t:op:${o.key}`, { value: `v${i}`, until: clock.now() + o.ttl });
          } else {
            const m = model.get(`t:op:${o.key}`);
            const expected = m && m.until > clock.now() ? m.value : undefined;
            const got = await cache.get(`t:op:${o.key}`);
            expect(got.kind === "hit" ? got.value : undefined).toBe(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("SimulatedCacheTier in ratio mode", () => {
  it("hits about hitRatio of 10,000 gets (seed 42), within 1.5 points", async () => {
    const { cache } = tier(42, { hitRatio: 0.6, ttlMs: 300_000, synthesize: () => "{}" });
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if ((await cache.get(`t:op:${i}`)).kind === "hit") hits++;
    expect(Math.abs(hits / 10_000 - 0.6)).toBeLessThan(0.015);
  });

  it("synthesizes the value of a hit on a key never stored, with the tier's TTL left", async () => {
    const { cache } = tier(42, { hitRatio: 1, ttlMs: 300_000, synthesize: (k) => `canned for ${k}` });
    expect(await cache.get("t:qualify:abc")).toEqual({
      kind: "hit",
      value: "canned for t:qualify:abc",
      remainingTtlMs: 300_000,
    });
  });

  it("serves the stored value and its remaining TTL when a hit finds one", async () => {
    const { cache } = tier(42, { hitRatio: 1, ttlMs: 300_000, synthesize: () => "canned" });
    await cache.set("t:qualify:abc", "stored", 1_000);
    const got = await cache.get("t:qualify:abc");
    expect(got.kind === "hit" && got.value).toBe("stored");
    expect(got.kind === "hit" && got.remainingTtlMs).toBeLessThan(1_000);
  });

  it("misses when the draw says miss, even for a stored key", async () => {
    const { cache } = tier(42, { hitRatio: 0, ttlMs: 300_000, synthesize: () => "canned" });
    await cache.set("t:qualify:abc", "stored", 60_000);
    expect(await cache.get("t:qualify:abc")).toEqual({ kind: "miss" });
  });
});
