/**
 * The CacheTier conformance suite: written once, run against every implementation
 * (memory, Redis, PostgreSQL, PGlite, simulated). Each implementation's test file calls
 * `describeCacheTierContract` with a factory; `tick` advances the tier's notion of time
 * (a virtual clock, or a real sleep for servers that expire keys themselves).
 */
import { describe, expect, it } from "vitest";
import type { CacheTier } from "../../src/ports/cache-tier.ts";

export interface CacheTierSubject {
  tier: CacheTier;
  /** Lets `ms` milliseconds pass for this tier. */
  tick(ms: number): Promise<void>;
  /** Resolution of remaining-TTL reports and expiry, in ms (e.g. 1 for PX/PTTL, a few ms for SQL). */
  ttlSlackMs: number;
}

export function describeCacheTierContract(
  label: string,
  make: () => Promise<CacheTierSubject>,
  opts: { skip?: string | false } = {},
): void {
  const d = opts.skip ? describe.skip : describe;
  d(`CacheTier contract: ${label}`, () => {
    let n = 0;
    const key = (tenant = "t1") => `${tenant}:qualify:${process.pid}-${Date.now()}-${++n}`;

    it("misses a key that was never set", async () => {
      const { tier } = await make();
      expect(await tier.get(key())).toEqual({ kind: "miss" });
    });

    it("returns what was set, with a remaining TTL no larger than the TTL given", async () => {
      const { tier, ttlSlackMs } = await make();
      const k = key();
      await tier.set(k, '{"a":1}', 60_000);
      const got = await tier.get(k);
      expect(got.kind).toBe("hit");
      if (got.kind !== "hit") return;
      expect(got.value).toBe('{"a":1}');
      expect(got.remainingTtlMs).toBeLessThanOrEqual(60_000);
      expect(got.remainingTtlMs).toBeGreaterThan(60_000 - 5_000 - ttlSlackMs);
    });

    it("counts the remaining TTL down as time passes", async () => {
      const { tier, tick } = await make();
      const k = key();
      await tier.set(k, "v", 10_000);
      const first = await tier.get(k);
      await tick(300);
      const second = await tier.get(k);
      expect(first.kind === "hit" && second.kind === "hit").toBe(true);
      if (first.kind !== "hit" || second.kind !== "hit") return;
      expect(second.remainingTtlMs).toBeLessThan(first.remainingTtlMs);
    });

    it("expires a key once its TTL has passed", async () => {
      const { tier, tick, ttlSlackMs } = await make();
      const k = key();
      await tier.set(k, "short", 200);
      await tick(200 + ttlSlackMs + 50);
      expect(await tier.get(k)).toEqual({ kind: "miss" });
    });

    it("overwrites a value and its TTL", async () => {
      const { tier } = await make();
      const k = key();
      await tier.set(k, "old", 1_000);
      await tier.set(k, "new", 90_000);
      const got = await tier.get(k);
      expect(got.kind === "hit" && got.value).toBe("new");
      expect(got.kind === "hit" && got.remainingTtlMs).toBeGreaterThan(1_000);
    });

    it("deletes one key and leaves the others", async () => {
      const { tier } = await make();
      const a = key();
      const b = key();
      await tier.set(a, "a", 60_000);
      await tier.set(b, "b", 60_000);
      await tier.delete(a);
      await tier.delete(`${a}-never-set`);
      expect(await tier.get(a)).toEqual({ kind: "miss" });
      expect((await tier.get(b)).kind).toBe("hit");
    });

    it("deletes every key of one tenant and no key of another", async () => {
      const { tier } = await make();
      const tenant = `tenant${process.pid}x${++n}`;
      const other = `${tenant}other`; // shares a prefix, but not "<tenant>:"
      const mine = [key(tenant), key(tenant), key(tenant)];
      const theirs = key(other);
      for (const k of mine) await tier.set(k, "mine", 60_000);
      await tier.set(theirs, "theirs", 60_000);
      const removed = await tier.deleteTenant(tenant);
      expect(removed).toBeGreaterThanOrEqual(0);
      for (const k of mine) expect(await tier.get(k)).toEqual({ kind: "miss" });
      expect(await tier.get(theirs)).toMatchObject({ kind: "hit", value: "theirs" });
    });

    it("stores a large value intact (256 KiB)", async () => {
      const { tier } = await make();
      const k = key();
      const big = JSON.stringify({ blob: "x".repeat(256 * 1024) });
      await tier.set(k, big, 60_000);
      const got = await tier.get(k);
      expect(got.kind === "hit" && got.value.length).toBe(big.length);
      expect(got.kind === "hit" && got.value === big).toBe(true);
    });

    it("round-trips unicode keys and values", async () => {
      const { tier } = await make();
      const k = `${key()}:Zoë-Müller-東京-🏠`;
      const v = JSON.stringify({ name: "José Ñúñez", note: "3 bd near 公園 🏡" });
      await tier.set(k, v, 60_000);
      expect(await tier.get(k)).toMatchObject({ kind: "hit", value: v });
    });

    it("ends concurrent sets of one key with one of the values written", async () => {
      const { tier } = await make();
      const k = key();
      const values = Array.from({ length: 20 }, (_, i) => `v${i}`);
      await Promise.all(values.map((v) => tier.set(k, v, 60_000)));
      const got = await tier.get(k);
      expect(got.kind).toBe("hit");
      expect(values).toContain(got.kind === "hit" ? got.value : "");
    });
  });
}
