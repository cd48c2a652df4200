import type { Clock } from "../../ports/clock.ts";
import {
  type LanguageModel,
  ModelError,
  type ModelRequest,
  type ModelResponse,
} from "../../ports/language-model.ts";
import type { Random } from "../../ports/random.ts";
import { assertLatency, type LogNormalLatency, logNormal } from "./log-normal.ts";

/**
 * Claude's latency as the report models it: ~800 ms median on the LLM path. Sigma 0.25 is what the
 * report's /api/leads/qualify P99 implies: 70 % of requests take the LLM path, so the overall P99 is
 * that path's 98.6th percentile (z ≈ 2.19), and 800 · e^(0.25 · 2.19) ≈ 1,385 ms ≈ the published 1,387.81 ms.
 */
export const DEFAULT_MODEL_LATENCY: LogNormalLatency = { medianMs: 800, sigma: 0.25 };

export interface SimulatedLanguageModelOptions {
  /** The model that produces the answers (in the composition root: the offline rules-based one). */
  readonly inner: LanguageModel;
  readonly clock: Clock;
  /** This model's own stream (e.g. `seeded.fork("llm")`). */
  readonly random: Random;
  readonly latency?: LogNormalLatency;
  /** Probability in [0, 1] that a call fails with ModelError("overloaded") (Anthropic's 529). Default 0. */
  readonly failureRatio?: number;
  readonly name?: string;
}

/**
 * A language model for deterministic benchmarks: answers come from `inner`, time from the virtual
 * clock. Each call draws, in order, two uniforms for its latency and one for failure (drawn even when
 * `failureRatio` is 0, so changing the ratio never shifts the latencies), advances the clock by the
 * latency, then either throws ModelError("overloaded") or delegates to `inner`.
 */
export class SimulatedLanguageModel implements LanguageModel {
  /** "simulated:<inner name>" unless given. */
  readonly name: string;
  readonly #inner: LanguageModel;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #latency: LogNormalLatency;
  readonly #failureRatio: number;
  #calls = 0;
  #failures = 0;

  /** Wraps `options.inner` with simulated latency and failures. */
  constructor(options: SimulatedLanguageModelOptions) {
    const failureRatio = options.failureRatio ?? 0;
    if (!(failureRatio >= 0 && failureRatio <= 1)) {
      throw new RangeError(`SimulatedLanguageModel: failureRatio must be in [0, 1], got ${failureRatio}`);
    }
    this.#latency = options.latency ?? DEFAULT_MODEL_LATENCY;
    assertLatency(this.#latency, "SimulatedLanguageModel");
    this.name = options.name ?? `simulated:${options.inner.name}`;
    this.#inner = options.inner;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#failureRatio = failureRatio;
  }

  /** Calls so far, failed ones included. */
  get calls(): number {
    return this.#calls;
  }

  /** Calls that threw the simulated overload. */
  get failures(): number {
    return this.#failures;
  }

  /** The inner model's answer, after the simulated latency; or a simulated overload. */
  async complete(request: ModelRequest): Promise<ModelResponse> {
    this.#calls++;
    const latencyMs = logNormal(this.#random, this.#latency);
    const fails = this.#random.next() < this.#failureRatio;
    await this.#clock.sleep(latencyMs);
    if (fails) {
      this.#failures++;
      throw new ModelError("overloaded", "simulated overload (529 overloaded_error)", { status: 529 });
    }
    return this.#inner.complete(request);
  }
}
