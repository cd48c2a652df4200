import type { Clock } from "../ports/clock.ts";
import type { LanguageModel, ModelRequest, ModelResponse } from "../ports/language-model.ts";
import type { Random } from "../ports/random.ts";
import { callModelChain, type ModelAttempt } from "./model-call.ts";
import { isOfflineModel } from "./model-chain.ts";
import type { RetryPolicy } from "./retry-policy.ts";
import type { CacheRead, TieredCache } from "./tiered-cache.ts";

export interface CachedModelCallDeps {
  cache: TieredCache;
  /** Serves every cloud model id; undefined when only the offline model is available. */
  cloud?: LanguageModel;
  offline: LanguageModel;
  clock: Clock;
  random: Random;
  retry: RetryPolicy;
}

/** One question to the model chain, its cache key, and how its answer is checked, stored and read back. */
export interface CachedModelQuestion<T> {
  key: string;
  /** Model ids to try in order (the first is the one the key names). */
  chain: readonly string[];
  request: Omit<ModelRequest, "model">;
  /** Validates a model's answer (untrusted): a rejected one counts as a failed attempt. */
  accept(response: ModelResponse): { ok: true; value: T } | { ok: false; reason: string };
  encode(value: T, model: string): string;
  /** Reads a cached entry back, checked again (tiers are shared and outlive deploys); undefined if bad. */
  decode(stored: string): { value: T; model: string } | undefined;
}

export interface CachedModelAnswer<T> {
  value: T;
  /** The model that produced the answer (on a cache hit: the one that produced it first). */
  model: string;
  read: CacheRead;
  /** The model attempts this caller made (none when it was served from cache or by another caller's call). */
  attempts: readonly ModelAttempt[];
}

/**
 * Answers a question through the tiered cache and the model chain (one retry layer, fallbacks, offline
 * last). A fallback model's answer is served but not cached, so the cache never pins a degraded answer;
 * a cached entry that no longer decodes is dropped from every tier and answered afresh.
 */
export async function answerThroughCache<T>(
  d: CachedModelCallDeps,
  q: CachedModelQuestion<T>,
): Promise<CachedModelAnswer<T>> {
  let attempts: readonly ModelAttempt[] = [];
  const lookUp = () =>
    d.cache.getOrCompute(q.key, async () => {
      const call = await callModelChain(
        {
          modelFor: (id) => (d.cloud && !isOfflineModel(id) ? d.cloud : d.offline),
          clock: d.clock,
          random: d.random,
          policy: d.retry,
        },
        q.chain,
        q.request,
        q.accept,
      );
      attempts = call.attempts;
      return {
        value: q.encode(call.value, call.model),
        ...(call.requested === q.chain[0] ? {} : { ttlMs: 0 }),
      };
    });
  let read = await lookUp();
  let answer = q.decode(read.value);
  if (!answer) {
    await d.cache.delete(q.key);
    read = await lookUp();
    answer = q.decode(read.value);
    if (!answer) throw new Error("the model chain produced an answer that does not decode");
  }
  return { value: answer.value, model: answer.model, read, attempts: read.shared ? [] : attempts };
}
