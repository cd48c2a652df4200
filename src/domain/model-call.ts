import type { Clock } from "../ports/clock.ts";
import type { LanguageModel, ModelRequest, ModelResponse } from "../ports/language-model.ts";
import { ModelError } from "../ports/language-model.ts";
import type { Random } from "../ports/random.ts";
import { backoffDelayMs, type RetryPolicy } from "./retry-policy.ts";

/** One attempt at a model: what it cost (usage, when it answered) or how it failed. */
export interface ModelAttempt {
  model: string;
  response?: ModelResponse;
  error?: { code: string; message: string };
  /** The answer came back but was rejected by `accept` (e.g. failed schema validation). */
  rejected?: string;
}

export interface ModelCallResult<T> {
  response: ModelResponse;
  value: T;
  /** The model id as the API reported it (may be a dated id, e.g. claude-sonnet-4-5-20250929). */
  model: string;
  /** The chain entry that answered, as requested: compare this, not `model`, with the chain. */
  requested: string;
  attempts: ModelAttempt[];
}

export interface ModelCallDeps {
  /** The LanguageModel serving a given model id. */
  modelFor(modelId: string): LanguageModel;
  clock: Clock;
  random: Random;
  policy: RetryPolicy;
}

export class ModelChainExhaustedError extends Error {
  readonly code = "model_chain_exhausted";
  constructor(readonly attempts: ModelAttempt[]) {
    super(`every model in the chain failed (${attempts.length} attempts)`);
  }
}

/**
 * Calls `chain[0]`, retrying retryable failures with backoff, then falls back down the chain.
 * `accept` validates an answer (untrusted model output): a rejected answer counts as a failed attempt.
 * Non-retryable errors (bad request, auth) skip straight to the next model. The last model in the chain
 * (the offline one) is tried even when the time budget is spent, so a request always gets an answer.
 */
export async function callModelChain<T>(
  deps: ModelCallDeps,
  chain: readonly string[],
  request: Omit<ModelRequest, "model">,
  accept: (r: ModelResponse) => { ok: true; value: T } | { ok: false; reason: string },
): Promise<ModelCallResult<T>> {
  const started = deps.clock.now();
  const attempts: ModelAttempt[] = [];
  for (const [i, model] of chain.entries()) {
    const last = i === chain.length - 1;
    for (let n = 1; n <= deps.policy.attemptsPerModel; n++) {
      if (!last && deps.clock.now() - started >= deps.policy.totalBudgetMs) break;
      const attempt: ModelAttempt = { model };
      attempts.push(attempt);
      let retryAfterMs: number | undefined;
      try {
        const response = await deps.modelFor(model).complete({ ...request, model });
        attempt.response = response;
        const verdict = accept(response);
        if (verdict.ok)
          return { response, value: verdict.value, model: response.model, requested: model, attempts };
        attempt.rejected = verdict.reason;
      } catch (err) {
        const e = err instanceof ModelError ? err : new ModelError("unavailable", (err as Error).message);
        attempt.error = { code: e.code, message: e.message };
        if (!e.retryable) break;
        retryAfterMs = e.retryAfterMs;
      }
      if (n === deps.policy.attemptsPerModel) break;
      const delay = backoffDelayMs(deps.policy, n, deps.random.next(), retryAfterMs);
      // A retry that would end past the budget is not worth waiting for: fall back instead.
      if (deps.clock.now() - started + delay >= deps.policy.totalBudgetMs) break;
      await deps.clock.sleep(delay);
    }
  }
  throw new ModelChainExhaustedError(attempts);
}
