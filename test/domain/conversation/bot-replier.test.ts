import { describe, expect, it } from "vitest";
import { LruCacheTier } from "../../../src/adapters/memory/lru-cache-tier.ts";
import { MemoryCostLedger } from "../../../src/adapters/memory/memory-cost-ledger.ts";
import { BotReplier } from "../../../src/domain/conversation/bot-replier.ts";
import { LIST_2026 } from "../../../src/domain/cost/price-table.ts";
import { OFFLINE_MODEL_ID } from "../../../src/domain/models.ts";
import { TieredCache } from "../../../src/domain/tiered-cache.ts";
import type { LanguageModel } from "../../../src/ports/language-model.ts";

const clock = { now: () => 1_800_000_000_000, sleep: async () => {} };

function setup() {
  let calls = 0;
  const offline: LanguageModel = {
    name: "offline",
    async complete() {
      calls += 1;
      return {
        text: "What price range are you comfortable with?",
        usage: { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0 },
        model: OFFLINE_MODEL_ID,
        stopReason: "end_turn",
      };
    },
  };
  const l1 = new LruCacheTier({ name: "L1" });
  const replier = new BotReplier({
    cache: new TieredCache([{ tier: l1, ttlMs: 60_000 }], clock),
    offline,
    ledger: new MemoryCostLedger(),
    clock,
    random: { next: () => 0.5 },
    prices: LIST_2026,
    retry: { attemptsPerModel: 1, baseDelayMs: 1, maxDelayMs: 1, totalBudgetMs: 1_000 },
    tiers: [{ name: "L1", kind: "memory" }],
  });
  return { replier, l1, calls: () => calls };
}

const turn = {
  tenant: "acme",
  requestId: "r1",
  bot: "buyer" as const,
  messages: [{ role: "lead" as const, bot: "buyer" as const, text: "We want to buy", at: 1 }],
};

describe("BotReplier", () => {
  it("serves the same conversation state from the cache the second time", async () => {
    const { replier, calls } = setup();
    const first = await replier.reply(turn);
    const again = await replier.reply({ ...turn, requestId: "r2" });
    expect([first.cache, again.cache]).toEqual(["origin", "L1"]);
    expect(calls()).toBe(1);
  });

  it.each([
    ["not JSON", "{oops"],
    ["a reply that is not text", JSON.stringify({ text: 42, model: "x" })],
    ["an empty reply", JSON.stringify({ text: " \u0000 ", model: "x" })],
  ])("drops a cached entry holding %s and answers afresh", async (_what, poisoned) => {
    const { replier, l1, calls } = setup();
    const first = await replier.reply(turn);
    await l1.set(first.cacheKey, poisoned, 60_000);
    const again = await replier.reply({ ...turn, requestId: "r3" });
    expect(again.text).toBe("What price range are you comfortable with?");
    expect(calls()).toBe(2);
  });
});
