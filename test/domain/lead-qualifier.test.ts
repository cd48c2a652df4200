import { describe, expect, it } from "vitest";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { MemoryContactStore } from "../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCostLedger } from "../../src/adapters/memory/memory-cost-ledger.ts";
import { MemoryLeadStore } from "../../src/adapters/memory/memory-lead-store.ts";
import { LIST_2026 } from "../../src/domain/cost/price-table.ts";
import { LeadQualifier } from "../../src/domain/lead-qualifier.ts";
import { OFFLINE_MODEL_ID } from "../../src/domain/models.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";
import { type LanguageModel, ModelError, type ModelRequest } from "../../src/ports/language-model.ts";
import type { Qualification } from "../../src/ports/qualification.ts";

const BUYER: Qualification = {
  intent: "buy",
  intentConfidence: 0.9,
  timeline: "0-3m",
  financing: "pre_approved",
  budgetMax: 600_000,
  location: "Austin",
};

const usage = { inputTokens: 1_000, outputTokens: 200, cacheWriteTokens: 0, cacheReadTokens: 0 };

/** A cloud model answering with a tool call, or failing as told; counts calls. */
function cloudModel(behaviour: (req: ModelRequest, call: number) => unknown | Error = () => BUYER) {
  const calls: ModelRequest[] = [];
  const lm: LanguageModel & { calls: ModelRequest[] } = {
    name: "fake-claude",
    calls,
    async complete(req) {
      calls.push(req);
      await new Promise((r) => setImmediate(r));
      const out = behaviour(req, calls.length);
      if (out instanceof Error) throw out;
      return { text: "", structured: out, usage, model: req.model, stopReason: "tool_use" };
    },
  };
  return lm;
}

const offlineModel: LanguageModel = {
  name: "offline",
  async complete() {
    return {
      text: "",
      structured: { ...BUYER, intentConfidence: 0.75 },
      usage: { ...usage },
      model: OFFLINE_MODEL_ID,
      stopReason: "tool_use",
    };
  },
};

function setup(cloud?: LanguageModel) {
  let t = 1_800_000_000_000;
  const clock = {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
  const ledger = new MemoryCostLedger();
  const leads = new MemoryLeadStore();
  const contacts = new MemoryContactStore();
  const cache = new TieredCache([{ tier: new LruCacheTier({ name: "L1" }), ttlMs: 60_000 }], clock);
  const qualifier = new LeadQualifier({
    cache,
    ...(cloud ? { cloud } : {}),
    offline: offlineModel,
    ledger,
    leads,
    contacts,
    clock,
    random: { next: () => 0.5 },
    prices: LIST_2026,
    retry: { attemptsPerModel: 2, baseDelayMs: 10, maxDelayMs: 100, totalBudgetMs: 10_000 },
    tiers: [{ name: "L1", kind: "memory" }],
  });
  return { qualifier, ledger, leads, contacts };
}

let n = 0;
const input = (
  messages = ["We want to buy a 3 bed in Austin, pre-approved up to 600k, moving in 2 months"],
) => ({
  tenant: "acme",
  requestId: `req-${++n}`,
  lead: { name: "Ana María López", email: "ana@example.com" },
  messages,
});

describe("LeadQualifier", () => {
  it("qualifies from the routed model on a miss, scores the lead and bills the LLM tokens", async () => {
    const cloud = cloudModel();
    const { qualifier } = setup(cloud);
    const r = await qualifier.qualify(input());
    expect(r.cache).toBe("origin");
    expect(r.model).toBe("claude-sonnet-4-5");
    expect(r.temperature).toBe("hot");
    // Sonnet list price: 1,000 in × $3/M + 200 out × $15/M = $0.006.
    expect(r.cost.llmMicros).toBe(6_000);
    expect(cloud.calls[0]?.outputSchema?.name).toBe("record_qualification");
  });

  it("serves the same lead again from the cache with no LLM dollars in the ledger", async () => {
    const cloud = cloudModel();
    const { qualifier, ledger } = setup(cloud);
    await qualifier.qualify(input(["same words"]));
    const again = await qualifier.qualify(input(["same   words "]));
    expect(again.cache).toBe("L1");
    expect(again.cost.llmMicros).toBe(0);
    expect(cloud.calls).toHaveLength(1);
    const rows = await ledger.summary("acme");
    expect(rows.find((row) => row.model === null)).toMatchObject({ count: 1, llmMicros: 0 });
  });

  it("makes exactly one model call for 100 concurrent requests about one new lead (single flight)", async () => {
    const cloud = cloudModel();
    const { qualifier } = setup(cloud);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => qualifier.qualify(input(["a brand new lead"]))),
    );
    expect(cloud.calls).toHaveLength(1);
    expect(results.filter((r) => r.cost.llmMicros > 0)).toHaveLength(1);
  });

  it("falls back to the offline model when Claude is overloaded, and does not cache that answer", async () => {
    const cloud = cloudModel(() => new ModelError("overloaded", "busy"));
    const { qualifier } = setup(cloud);
    const first = await qualifier.qualify(input(["overload case"]));
    expect(first.model).toBe(OFFLINE_MODEL_ID);
    const second = await qualifier.qualify(input(["overload case"]));
    expect(second.cache).toBe("origin");
  });

  it("never keeps a model answer that fails validation: it retries and serves a valid one", async () => {
    const cloud = cloudModel((_r, call) =>
      call === 1 ? { intent: "purchase", intentConfidence: 7 } : BUYER,
    );
    const { qualifier, leads } = setup(cloud);
    const r = await qualifier.qualify(input(["validation case"]));
    expect(r.qualification.intent).toBe("buy");
    expect(r.attempts).toBe(2);
    expect((await leads.get("acme", r.leadId))?.qualification.intent).toBe("buy");
  });

  it("uses only the offline model, cached, when no cloud model is configured", async () => {
    const { qualifier } = setup();
    const r = await qualifier.qualify(input(["offline only"]));
    expect(r.model).toBe(OFFLINE_MODEL_ID);
    expect(r.cost.llmMicros).toBe(0);
    expect((await qualifier.qualify(input(["offline only"]))).cache).toBe("L1");
  });

  it("stores the contact and links the lead to it, with the cache key kept for erasure", async () => {
    const { qualifier, leads } = setup(cloudModel());
    const r = await qualifier.qualify(input(["contact case"]));
    expect(r.contactId).toBeDefined();
    const stored = await leads.listByContact("acme", r.contactId!);
    expect(stored[0]?.cacheKey).toMatch(/^acme:qualify:[0-9a-f]{64}$/);
  });
});

describe("LeadQualifier with the dated model ids the API reports", () => {
  it("caches the routed model's answer even when the API names it by its dated snapshot", async () => {
    const cloud: LanguageModel & { calls: number } = {
      name: "dated",
      calls: 0,
      async complete(req) {
        this.calls += 1;
        return { text: "", structured: BUYER, usage, model: `${req.model}-20250929`, stopReason: "tool_use" };
      },
    };
    const { qualifier } = setup(cloud);
    const first = await qualifier.qualify(input(["dated snapshot case"]));
    expect(first.model).toBe("claude-sonnet-4-5-20250929");
    const again = await qualifier.qualify(input(["dated snapshot case"]));
    expect(again.cache).toBe("L1");
    expect(cloud.calls).toBe(1);
  });
});
