import type { Clock } from "../../ports/clock.ts";
import type { BotName, ConversationMessage } from "../../ports/conversation-store.ts";
import type { CostLedger } from "../../ports/cost-ledger.ts";
import type { LanguageModel } from "../../ports/language-model.ts";
import type { Qualification } from "../../ports/qualification.ts";
import type { Random } from "../../ports/random.ts";
import { cacheKey } from "../cache-key.ts";
import { answerThroughCache } from "../cached-model-call.ts";
import type { PriceProfile } from "../cost/price-table.ts";
import { modelChainFor } from "../model-chain.ts";
import { BOT_PROMPTS } from "../prompts/bots.ts";
import { storableText } from "../qualification-schema.ts";
import { type CacheTierKind, type CostLine, costOfRequest } from "../request-cost.ts";
import type { RetryPolicy } from "../retry-policy.ts";
import type { TieredCache } from "../tiered-cache.ts";
import { toChatHistory } from "./chat-history.ts";

export interface BotReplierDeps {
  cache: TieredCache;
  cloud?: LanguageModel;
  offline: LanguageModel;
  ledger: CostLedger;
  clock: Clock;
  random: Random;
  prices: PriceProfile;
  retry: RetryPolicy;
  tiers: readonly CacheTierKind[];
}

export interface BotReply {
  text: string;
  /** The reply's cache key (kept on the message, so an erasure request can find it). */
  cacheKey: string;
  model: string;
  cache: string;
  cost: CostLine;
}

/**
 * Drafts a bot's next reply through the model chain and the tiered cache: the same conversation state
 * (history + what is known) gets the cached reply (the report's "Bot Response (cached)").
 * The draft is not yet compliant: the caller passes it through the compliance guard.
 */
export class BotReplier {
  readonly #d: BotReplierDeps;

  constructor(deps: BotReplierDeps) {
    this.#d = deps;
  }

  /** The next reply of `bot` to a conversation whose history is `messages`. */
  async reply(input: {
    tenant: string;
    requestId: string;
    bot: BotName;
    messages: readonly ConversationMessage[];
    known?: Qualification;
  }): Promise<BotReply> {
    const d = this.#d;
    const history = toChatHistory(input.messages);
    const prompt = BOT_PROMPTS[input.bot];
    const chars = history.reduce((n, m) => n + m.content.length, 0);
    const chain = modelChainFor(
      { task: "reply", messageCount: history.length, totalChars: chars },
      d.cloud !== undefined,
    );
    const today = new Date(d.clock.now()).toISOString().slice(0, 10);
    const system = `${prompt.system} Today is ${today}.\n\nKnown so far: ${JSON.stringify(input.known ?? {})}`;
    const key = cacheKey({
      tenant: input.tenant,
      operation: `reply.${input.bot}`,
      promptVersion: prompt.version,
      model: chain[0]!,
      schemaVersion: "text-v1",
      input: { history, known: input.known ?? null },
    });
    const answer = await answerThroughCache<string>(d, {
      key,
      chain,
      request: { system, messages: history, maxTokens: 300, task: `reply:${input.bot}` },
      accept: (r) => {
        // Model text is untrusted: keep only what the conversation store can hold.
        const text = storableText(r.text).trim();
        return text ? { ok: true, value: text } : { ok: false, reason: "empty reply" };
      },
      encode: (text, model) => JSON.stringify({ text, model }),
      decode: cachedReplyOf,
    });
    const read = answer.read;
    const cost = await costOfRequest(d, {
      tenant: input.tenant,
      requestId: `${input.requestId}:reply`,
      operation: "bot_response",
      source: read.source,
      attempts: answer.attempts,
      postgresWrites: 1,
    });
    return { text: answer.value, cacheKey: key, model: answer.model, cache: read.source, cost };
  }
}

/** A cached reply read back from a tier, checked again, or undefined. */
function cachedReplyOf(value: string): { value: string; model: string } | undefined {
  try {
    const { text, model } = JSON.parse(value) as { text?: unknown; model?: unknown };
    if (typeof text !== "string" || typeof model !== "string") return undefined;
    const clean = storableText(text).trim();
    return clean ? { value: clean, model } : undefined;
  } catch {
    return undefined;
  }
}
