/**
 * The fake Messages API's answer time during the load test: log-normal, seeded, and switchable to
 * zero for the orchestration-overhead comparison (where the model's own time must be ~0 so that what
 * remains is what EnterpriseHub adds). Full runs model a real model call (median 300 ms); `--quick`
 * a short one, so a CI run keeps the LLM path busy without waiting on it.
 */
import { type LogNormalLatency, latencyFromP99, logNormal } from "../../src/adapters/simulated/log-normal.ts";
import { SeededRandom } from "../../src/adapters/simulated/seeded-random.ts";

/** Full run: median 300 ms, P99 600 ms (sigma ≈ 0.30). */
export const FULL_LLM_LATENCY: LogNormalLatency = Object.freeze(latencyFromP99(300, 600));
/** `--quick`: median 50 ms, P99 100 ms. */
export const QUICK_LLM_LATENCY: LogNormalLatency = Object.freeze(latencyFromP99(50, 100));

/** The modeled latency for a full or a `--quick` run. */
export function llmLatencyFor(quick: boolean): LogNormalLatency {
  return quick ? QUICK_LLM_LATENCY : FULL_LLM_LATENCY;
}

/** A latency model for FakeAnthropicServer's `latencyMs` option, that can be switched off and on. */
export class ModeledLlmLatency {
  readonly #latency: LogNormalLatency;
  readonly #random: SeededRandom;
  #on = true;

  /** Samples `latency` from a stream seeded with `seed`. */
  constructor(latency: LogNormalLatency, seed = 42) {
    this.#latency = latency;
    this.#random = new SeededRandom(seed).fork("load.llm-latency");
  }

  /** The next answer's delay in ms: a log-normal sample, or 0 while switched off. */
  readonly sample = (): number => (this.#on ? logNormal(this.#random, this.#latency) : 0);

  /** Runs `work` with the latency switched off (the model then answers as fast as the fake can). */
  async withoutLatency<T>(work: () => Promise<T>): Promise<T> {
    this.#on = false;
    try {
      return await work();
    } finally {
      this.#on = true;
    }
  }
}
