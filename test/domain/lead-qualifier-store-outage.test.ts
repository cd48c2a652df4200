/** LeadQualifier while its database is unreachable: the answer is served, and says it was not stored. */
import { describe, expect, it } from "vitest";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { MemoryContactStore } from "../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCostLedger } from "../../src/adapters/memory/memory-cost-ledger.ts";
import { MemoryLeadStore } from "../../src/adapters/memory/memory-lead-store.ts";
import { OfflineLanguageModel } from "../../src/adapters/offline/offline-language-model.ts";
import { LIST_2026 } from "../../src/domain/cost/price-table.ts";
import { LeadQualifier } from "../../src/domain/lead-qualifier.ts";
import { OFFLINE_MODEL_ID } from "../../src/domain/models.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";

class Unavailable extends Error {
  readonly code = "store_unavailable";
}

/** Wraps `store` so that every call rejects the way an unreachable PostgreSQL does, while `down()` is true. */
function failing<T extends object>(store: T, down: () => boolean, error: () => Error): T {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) =>
        down() ? Promise.reject(error()) : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}

function setup(error: () => Error = () => new Unavailable("PostgreSQL is unavailable")) {
  let down = false;
  const clock = { now: () => 1_800_000_000_000, sleep: async () => {} };
  const ledger = new MemoryCostLedger();
  const leads = new MemoryLeadStore();
  const contacts = new MemoryContactStore();
  const isDown = () => down;
  const qualifier = new LeadQualifier({
    cache: new TieredCache([{ tier: new LruCacheTier({ name: "L1" }), ttlMs: 60_000 }], clock),
    offline: new OfflineLanguageModel(),
    ledger: failing(ledger, isDown, error),
    leads: failing(leads, isDown, error),
    contacts: failing(contacts, isDown, error),
    clock,
    random: { next: () => 0.5 },
    prices: LIST_2026,
    retry: { attemptsPerModel: 2, baseDelayMs: 10, maxDelayMs: 100, totalBudgetMs: 10_000 },
    tiers: [{ name: "L1", kind: "memory" }],
  });
  return { qualifier, ledger, leads, setDown: (d: boolean) => (down = d) };
}

const input = (requestId: string) => ({
  tenant: "acme",
  requestId,
  lead: { name: "Ana Ruiz", email: "ana@example.com" },
  messages: ["Selling my house in Dallas this spring, hoping for 600k"],
});

describe("LeadQualifier while the database is unreachable", () => {
  it("answers from the origin with stored: false and no contact id, and stores nothing", async () => {
    const { qualifier, leads, ledger, setDown } = setup();
    setDown(true);
    const result = await qualifier.qualify(input("r1"));
    expect(result).toMatchObject({ stored: false, model: OFFLINE_MODEL_ID, cache: "origin" });
    expect(result.qualification.intent).toBe("sell");
    expect(result.contactId).toBeUndefined();
    expect(result.cost.totalMicros).toBeGreaterThan(0);
    setDown(false);
    expect(await leads.get("acme", "r1")).toBeUndefined();
    expect(await ledger.summary("acme")).toEqual([]);
  });

  it("answers from the cache with stored: false, and stores again with stored: true once it is back", async () => {
    const { qualifier, leads, setDown } = setup();
    await qualifier.qualify(input("r1"));
    setDown(true);
    const cached = await qualifier.qualify(input("r2"));
    expect(cached).toMatchObject({ stored: false, cache: "L1" });
    setDown(false);
    const back = await qualifier.qualify(input("r3"));
    expect(back).toMatchObject({ stored: true, cache: "L1" });
    expect(back.contactId).toEqual(expect.any(String));
    expect(await leads.get("acme", "r3")).toMatchObject({ id: "r3", contactId: back.contactId });
  });

  it("still fails on a store error that is not an outage (a bug must not be served as success)", async () => {
    const bug = Object.assign(new Error("value too long"), { code: "22001" });
    const { qualifier, setDown } = setup(() => bug);
    setDown(true);
    await expect(qualifier.qualify(input("r1"))).rejects.toBe(bug);
  });
});
