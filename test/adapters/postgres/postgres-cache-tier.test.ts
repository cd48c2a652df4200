import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatements, PostgresCacheTier } from "../../../src/adapters/postgres/postgres-cache-tier.ts";
import { describeCacheTierContract } from "../../contracts/cache-tier.contract.ts";
import { skipUnless } from "../../support/services.ts";
import { openTestSchema, type TestSchema } from "./test-schema.ts";

const skip = await skipUnless("postgres");
let db: TestSchema | undefined;
// One virtual clock for the whole file: it only moves forward, so rows left by earlier tests
// never come back to life for later ones.
const clock = { ms: Date.UTC(2026, 1, 1), now: () => clock.ms };
const tick = async (ms: number) => {
  clock.ms += ms;
};

beforeAll(async () => {
  if (!skip) db = await openTestSchema("eh_l3");
});
afterAll(async () => {
  await db?.dispose();
});

const open = () => {
  if (!db) throw new Error("test schema not open");
  return { tier: new PostgresCacheTier(db.sql, clock), db };
};

describeCacheTierContract("PostgreSQL", async () => ({ tier: open().tier, tick, ttlSlackMs: 0 }), { skip });

describe.skipIf(skip)("PostgresCacheTier on PostgreSQL", () => {
  it("reports the remaining TTL exactly, from the clock it is given", async () => {
    const { tier } = open();
    await tier.set("t1:qualify:exact", "v", 60_000);
    await tick(1_234);
    expect(await tier.get("t1:qualify:exact")).toEqual({ kind: "hit", value: "v", remainingTtlMs: 58_766 });
    await tick(58_766);
    expect(await tier.get("t1:qualify:exact")).toEqual({ kind: "miss" });
  });

  it("purges expired rows in batches no larger than the limit, leaving live ones", async () => {
    const { tier } = open();
    while ((await tier.purgeExpired(500)) > 0);
    for (let i = 0; i < 5; i++) await tier.set(`t1:qualify:old${i}`, "old", 100);
    await tier.set("t1:qualify:live", "live", 60_000);
    await tick(101);
    expect(await tier.purgeExpired(2)).toBe(2);
    expect(await tier.purgeExpired(2)).toBe(2);
    expect(await tier.purgeExpired(2)).toBe(1);
    expect(await tier.purgeExpired(2)).toBe(0);
    expect(await tier.get("t1:qualify:live")).toMatchObject({ kind: "hit", value: "live" });
  });

  it("treats LIKE wildcards and quotes in a tenant name as plain characters", async () => {
    const { tier } = open();
    await tier.set("a_b%'c:qualify:1", "mine", 60_000);
    await tier.set("aXbYZc:qualify:1", "lookalike", 60_000);
    await tier.set("a_b%'cd:qualify:1", "longer", 60_000);
    expect(await tier.deleteTenant("a_b%'c")).toBe(1);
    expect(await tier.get("a_b%'c:qualify:1")).toEqual({ kind: "miss" });
    expect(await tier.get("aXbYZc:qualify:1")).toMatchObject({ kind: "hit" });
    expect(await tier.get("a_b%'cd:qualify:1")).toMatchObject({ kind: "hit" });
  });

  it("deletes a tenant through the primary-key index, not a table scan", async () => {
    const { db } = open();
    const plan = await db.sql.transaction(async (tx) => {
      // Tiny test tables make a sequential scan cheapest; forbid it to see whether the index can serve.
      await tx.query("SET LOCAL enable_seqscan = off");
      return tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${cacheStatements.deleteTenant}`, ["t1:", "t1;"]);
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("cache_entries_pkey");
    expect(text).not.toContain("Seq Scan");
  });

  it("refuses a TTL that is not positive", async () => {
    const { tier } = open();
    await expect(tier.set("t1:qualify:zero", "v", 0)).rejects.toBeInstanceOf(RangeError);
    await expect(tier.set("t1:qualify:nan", "v", Number.NaN)).rejects.toBeInstanceOf(RangeError);
  });
});
