import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callModelChain, ModelChainExhaustedError } from "../../src/domain/model-call.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from "../../src/domain/retry-policy.ts";
import type { Clock } from "../../src/ports/clock.ts";
import { type LanguageModel, ModelError, type ModelResponse } from "../../src/ports/language-model.ts";

class ManualClock implements Clock {
  t = 0;
  sleeps: number[] = [];
  now() {
    return this.t;
  }
  async sleep(ms: number) {
    this.sleeps.push(ms);
    this.t += ms;
  }
}

const answer = (model: string, text = "ok"): ModelResponse => ({
  text,
  usage: { inputTokens: 10, outputTokens: 5, cacheWriteTokens: 0, cacheReadTokens: 0 },
  model,
  stopReason: "end_turn",
});

/** A model that plays a script: an Error to throw or a text to answer, one per call. */
function scripted(steps: Array<Error | string>): LanguageModel & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: "scripted",
    calls,
    async complete(req) {
      calls.push(req.model);
      const step = steps.shift() ?? "ok";
      if (step instanceof Error) throw step;
      return answer(req.model, step);
    },
  };
}

const acceptAll = (r: ModelResponse) => ({ ok: true as const, value: r.text });
const req = { system: "s", messages: [{ role: "user" as const, content: "hi" }], maxTokens: 100 };
const policy: RetryPolicy = {
  attemptsPerModel: 2,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  totalBudgetMs: 10_000,
};
const deps = (lm: LanguageModel, offline: LanguageModel, clock = new ManualClock(), u = 0.5) => ({
  modelFor: (id: string) => (id === "offline" ? offline : lm),
  clock,
  random: { next: () => u },
  policy,
});

describe("callModelChain", () => {
  it("answers from the first model when it succeeds, in one attempt", async () => {
    const lm = scripted(["fine"]);
    const r = await callModelChain(deps(lm, scripted([])), ["sonnet", "haiku", "offline"], req, acceptAll);
    expect(r.value).toBe("fine");
    expect(r.model).toBe("sonnet");
    expect(r.attempts).toHaveLength(1);
  });

  it("waits exactly the server's retry-after before retrying a rate-limited call", async () => {
    const clock = new ManualClock();
    const lm = scripted([new ModelError("rate_limited", "slow down", { retryAfterMs: 1_500 }), "fine"]);
    const r = await callModelChain(deps(lm, scripted([]), clock), ["sonnet", "offline"], req, acceptAll);
    expect(clock.sleeps).toEqual([1_500]);
    expect(r.attempts.map((a) => a.error?.code ?? "ok")).toEqual(["rate_limited", "ok"]);
  });

  it("falls back down the chain on overload, then to the offline model", async () => {
    const overloaded = () => new ModelError("overloaded", "busy");
    const lm = scripted([overloaded(), overloaded(), overloaded(), overloaded()]);
    const offline = scripted(["offline answer"]);
    const r = await callModelChain(deps(lm, offline), ["sonnet", "haiku", "offline"], req, acceptAll);
    expect(lm.calls).toEqual(["sonnet", "sonnet", "haiku", "haiku"]);
    expect(r.value).toBe("offline answer");
    expect(r.attempts).toHaveLength(5);
  });

  it("does not retry a non-retryable error on the same model", async () => {
    const lm = scripted([new ModelError("invalid_request", "bad"), "fine"]);
    const r = await callModelChain(deps(lm, scripted([])), ["sonnet", "haiku"], req, acceptAll);
    expect(lm.calls).toEqual(["sonnet", "haiku"]);
    expect(r.model).toBe("haiku");
  });

  it("treats an answer that fails validation as a failed attempt and retries", async () => {
    const lm = scripted(["garbage", "good"]);
    const accept = (r: ModelResponse) =>
      r.text === "good" ? { ok: true as const, value: r.text } : { ok: false as const, reason: "schema" };
    const r = await callModelChain(deps(lm, scripted([])), ["sonnet", "offline"], req, accept);
    expect(r.attempts[0]?.rejected).toBe("schema");
    expect(r.value).toBe("good");
  });

  it("falls back instead of waiting a retry-after that would overrun the budget, down to the offline model", async () => {
    const clock = new ManualClock();
    const limited = () => new ModelError("rate_limited", "wait", { retryAfterMs: 60_000 });
    const lm = scripted([limited(), limited()]);
    const offline = scripted(["offline"]);
    const r = await callModelChain(deps(lm, offline, clock), ["sonnet", "haiku", "offline"], req, acceptAll);
    expect(clock.sleeps).toEqual([]);
    expect(lm.calls).toEqual(["sonnet", "haiku"]);
    expect(r.value).toBe("offline");
  });

  it("once the budget is spent, skips the remaining cloud models but still asks the offline one", async () => {
    const clock = new ManualClock();
    const lm: LanguageModel = {
      name: "slow",
      async complete() {
        clock.t += 20_000; // a call that took longer than the whole budget, then failed
        throw new ModelError("timeout", "too slow");
      },
    };
    const offline = scripted(["offline"]);
    const r = await callModelChain(deps(lm, offline, clock), ["sonnet", "haiku", "offline"], req, acceptAll);
    expect(r.attempts.map((a) => a.model)).toEqual(["sonnet", "offline"]);
    expect(r.value).toBe("offline");
  });

  it("throws ModelChainExhaustedError with every attempt when nothing answers", async () => {
    const fail = () => new ModelError("server_error", "boom");
    const lm = scripted([fail(), fail(), fail(), fail()]);
    await expect(callModelChain(deps(lm, lm), ["sonnet", "haiku"], req, acceptAll)).rejects.toBeInstanceOf(
      ModelChainExhaustedError,
    );
  });
});

describe("backoffDelayMs", () => {
  it("honours a server's retry-after over the jittered backoff", () => {
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 3, 0.99, 1234)).toBe(1234);
  });

  it("full jitter: a delay always within [0, min(max, base * 2^(retry-1))]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (retry, u) => {
          const d = backoffDelayMs(policy, retry, u);
          return d >= 0 && d <= Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the jitter ceiling never shrinks as retries grow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 29 }), (retry) => {
        return backoffDelayMs(policy, retry + 1, 0.999999) >= backoffDelayMs(policy, retry, 0.999999);
      }),
      { numRuns: 200 },
    );
  });
});
