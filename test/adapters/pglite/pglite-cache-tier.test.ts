import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgliteSqlClient } from "../../../src/adapters/pglite/pglite-sql-client.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresCacheTier } from "../../../src/adapters/postgres/postgres-cache-tier.ts";
import { describeCacheTierContract } from "../../contracts/cache-tier.contract.ts";

// PGlite takes seconds to start: one instance for the whole file, tests isolated by key.
let sql: PgliteSqlClient | undefined;
const clock = { ms: Date.UTC(2026, 1, 1), now: () => clock.ms };
const tick = async (ms: number) => {
  clock.ms += ms;
};

beforeAll(async () => {
  sql = await PgliteSqlClient.open();
  await migrate(sql);
});
afterAll(async () => {
  await sql?.close();
});

const tier = () => {
  if (!sql) throw new Error("PGlite not open");
  return new PostgresCacheTier(sql, clock);
};

describeCacheTierContract("PGlite", async () => ({ tier: tier(), tick, ttlSlackMs: 0 }));

describe("PostgresCacheTier on PGlite", () => {
  it("reports the remaining TTL exactly and purges expired rows in bounded batches", async () => {
    const l3 = tier();
    while ((await l3.purgeExpired(500)) > 0);
    await l3.set("t1:qualify:a", "a", 100);
    await l3.set("t1:qualify:b", "b", 100);
    await l3.set("t1:qualify:c", "c", 60_000);
    await tick(40);
    expect(await l3.get("t1:qualify:c")).toEqual({ kind: "hit", value: "c", remainingTtlMs: 59_960 });
    await tick(60);
    expect(await l3.purgeExpired(1)).toBe(1);
    expect(await l3.purgeExpired(10)).toBe(1);
    expect(await l3.get("t1:qualify:c")).toMatchObject({ kind: "hit" });
  });

  it("counts the keys it deletes for a tenant", async () => {
    const l3 = tier();
    for (const k of ["x_%:1", "x_%:2", "x_%y:1", "xa%:1"]) await l3.set(k, "v", 60_000);
    expect(await l3.deleteTenant("x_%")).toBe(2);
    expect(await l3.get("x_%y:1")).toMatchObject({ kind: "hit" });
    expect(await l3.get("xa%:1")).toMatchObject({ kind: "hit" });
  });
});
