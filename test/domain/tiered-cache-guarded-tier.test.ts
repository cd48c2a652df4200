import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/domain/circuit-breaker.ts";
import { GuardedTier } from "../../src/domain/tiered-cache-guarded-tier.ts";
import type { CacheLookup, CacheTier } from "../../src/ports/cache-tier.ts";
import type { Clock } from "../../src/ports/clock.ts";

const clock: Clock = { now: () => 0, sleep: async () => {} };

/** A tier whose get() answers `lookup` or throws `error`, counting its calls. */
function stubTier(answer: { lookup?: CacheLookup; error?: unknown }): CacheTier & { calls: number } {
  const tier = {
    name: "L2",
    calls: 0,
    async get() {
      tier.calls++;
      if (answer.error !== undefined) throw answer.error;
      return answer.lookup ?? { kind: "miss" as const };
    },
    async set() {},
    async delete() {
      tier.calls++;
    },
    async deleteTenant() {
      return 0;
    },
  };
  return tier;
}

const guard = (tier: CacheTier, threshold = 3) =>
  new GuardedTier(1, tier, 60_000, new CircuitBreaker(clock, { failureThreshold: threshold }));

describe("GuardedTier", () => {
  it("reports a hit with its value and remaining TTL, and a miss as a miss", async () => {
    const hit = guard(stubTier({ lookup: { kind: "hit", value: "v", remainingTtlMs: 42 } }));
    expect(await hit.read("k")).toEqual({ outcome: { kind: "hit", remainingTtlMs: 42 }, value: "v" });
    expect(await guard(stubTier({})).read("k")).toEqual({ outcome: { kind: "miss" } });
  });

  it.each([
    ["an Error", new Error("ECONNREFUSED"), "error"],
    ["a thrown string", "boom", "error"],
    ["a TimeoutError", Object.assign(new Error("t"), { name: "TimeoutError" }), "timeout"],
    ["code timeout", Object.assign(new Error("t"), { code: "timeout" }), "timeout"],
    ["code ETIMEDOUT", Object.assign(new Error("t"), { code: "ETIMEDOUT" }), "timeout"],
  ])("turns %s into a %s outcome instead of throwing", async (_what, error, kind) => {
    expect(await guard(stubTier({ error })).read("k")).toEqual({ outcome: { kind } });
  });

  it("skips the tier without calling it once its circuit is open", async () => {
    const tier = stubTier({ error: new Error("down") });
    const guarded = guard(tier, 1);
    await guarded.read("k");
    expect(await guarded.read("k")).toEqual({ outcome: { kind: "skipped" } });
    expect(tier.calls).toBe(1);
  });

  it("still calls a tier whose circuit is open when asked to bypass the breaker", async () => {
    const tier = stubTier({ error: new Error("down") });
    const guarded = guard(tier, 1);
    await guarded.read("k");
    const result = await guarded.attempt(() => tier.delete("k"), { bypassBreaker: true });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(tier.calls).toBe(2);
  });
});
