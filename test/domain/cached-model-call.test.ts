import { describe, expect, it } from "vitest";
import { LruCacheTier } from "../../src/adapters/memory/lru-cache-tier.ts";
import { answerThroughCache, type CachedModelQuestion } from "../../src/domain/cached-model-call.ts";
import { TieredCache } from "../../src/domain/tiered-cache.ts";
import { type LanguageModel, ModelError, type ModelRequest } from "../../src/ports/language-model.ts";

const clock = { now: () => 1_800_000_000_000, sleep: async () => {} };
const usage = { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0 };

function model(
  name: string,
  answer: (req: ModelRequest) => string | Error,
): LanguageModel & { calls: string[] } {
  const calls: string[] = [];
  return {
    name,
    calls,
    async complete(req) {
      calls.push(req.model);
      const out = answer(req);
      if (out instanceof Error) throw out;
      return { text: out, usage, model: `${req.model}-20250929`, stopReason: "end_turn" };
    },
  };
}

function setup(cloud: LanguageModel, offline: LanguageModel) {
  const l1 = new LruCacheTier({ name: "L1" });
  const deps = {
    cache: new TieredCache([{ tier: l1, ttlMs: 60_000 }], clock),
    cloud,
    offline,
    clock,
    random: { next: () => 0 },
    retry: { attemptsPerModel: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1_000 },
  };
  return { deps, l1 };
}

const question = (key: string): CachedModelQuestion<string> => ({
  key,
  chain: ["claude-sonnet-4-5", "offline-rules-v1"],
  request: { system: "s", messages: [{ role: "user", content: "hi" }], maxTokens: 10 },
  accept: (r) => (r.text ? { ok: true, value: r.text } : { ok: false, reason: "empty" }),
  encode: (value, model) => JSON.stringify({ value, model }),
  decode: (stored) => {
    try {
      const { value, model } = JSON.parse(stored) as { value?: unknown; model?: unknown };
      return typeof value === "string" && typeof model === "string" ? { value, model } : undefined;
    } catch {
      return undefined;
    }
  },
});

describe("answerThroughCache", () => {
  it("caches the routed model's answer, whatever dated id the API reports, and serves it next time", async () => {
    const cloud = model("cloud", () => "hello");
    const { deps } = setup(
      cloud,
      model("offline", () => "offline"),
    );
    const first = await answerThroughCache(deps, question("acme:q:1"));
    const again = await answerThroughCache(deps, question("acme:q:1"));
    expect([first.read.source, again.read.source]).toEqual(["origin", "L1"]);
    expect(first.model).toBe("claude-sonnet-4-5-20250929");
    expect(first.attempts).toHaveLength(1);
    expect(again.attempts).toEqual([]);
    expect(cloud.calls).toHaveLength(1);
  });

  it("serves a fallback model's answer without caching it", async () => {
    const offline = model("offline", () => "from offline");
    const { deps } = setup(
      model("cloud", () => new ModelError("overloaded", "busy")),
      offline,
    );
    const first = await answerThroughCache(deps, question("acme:q:2"));
    const again = await answerThroughCache(deps, question("acme:q:2"));
    expect(first.value).toBe("from offline");
    expect(again.read.source).toBe("origin");
    expect(offline.calls).toHaveLength(2);
  });

  it("drops an entry that no longer decodes and answers afresh", async () => {
    const cloud = model("cloud", () => "fresh");
    const { deps, l1 } = setup(
      cloud,
      model("offline", () => "offline"),
    );
    await l1.set("acme:q:3", "{not json", 60_000);
    const r = await answerThroughCache(deps, question("acme:q:3"));
    expect(r.value).toBe("fresh");
    expect(cloud.calls).toHaveLength(1);
    const stored = await l1.get("acme:q:3");
    expect(stored.kind === "hit" && JSON.parse(stored.value).value).toBe("fresh");
  });
});
