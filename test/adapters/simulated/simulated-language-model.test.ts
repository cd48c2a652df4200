import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/adapters/simulated/seeded-random.ts";
import {
  DEFAULT_MODEL_LATENCY,
  SimulatedLanguageModel,
} from "../../../src/adapters/simulated/simulated-language-model.ts";
import { VirtualClock } from "../../../src/adapters/simulated/virtual-clock.ts";
import type { LanguageModel, ModelRequest, ModelResponse } from "../../../src/ports/language-model.ts";
import { ModelError } from "../../../src/ports/language-model.ts";

/** A stand-in for the offline model: echoes the task, counts calls. */
class EchoModel implements LanguageModel {
  readonly name = "echo";
  calls = 0;
  async complete(request: ModelRequest): Promise<ModelResponse> {
    this.calls++;
    return {
      text: `echo:${request.task ?? ""}`,
      usage: { inputTokens: 10, outputTokens: 2, cacheWriteTokens: 0, cacheReadTokens: 0 },
      model: request.model,
      stopReason: "end_turn",
    };
  }
}

const request: ModelRequest = {
  model: "claude-haiku-4-5",
  system: "qualify leads",
  messages: [{ role: "user", content: "pre-approved, 3 bed in Austin" }],
  maxTokens: 256,
  task: "qualify",
};

function model(seed: number, failureRatio = 0) {
  const clock = new VirtualClock();
  const inner = new EchoModel();
  const llm = new SimulatedLanguageModel({
    inner,
    clock,
    random: new SeededRandom(seed).fork("llm"),
    failureRatio,
  });
  return { clock, inner, llm };
}

describe("SimulatedLanguageModel", () => {
  it("answers with the inner model's response and names itself after it", async () => {
    const { llm, inner } = model(42);
    expect(await llm.complete(request)).toMatchObject({ text: "echo:qualify", model: "claude-haiku-4-5" });
    expect(inner.calls).toBe(1);
    expect(llm.name).toBe("simulated:echo");
  });

  it("advances the virtual clock by a latency around the 800 ms median", async () => {
    const { clock, llm } = model(42);
    const latencies: number[] = [];
    for (let i = 0; i < 2_001; i++) {
      const before = clock.now();
      await llm.complete(request);
      latencies.push(clock.now() - before);
    }
    latencies.sort((a, b) => a - b);
    expect(DEFAULT_MODEL_LATENCY.medianMs).toBe(800);
    expect(Math.abs((latencies[1_000] ?? 0) / 800 - 1)).toBeLessThan(0.05);
    expect(latencies.every((ms) => ms > 0)).toBe(true);
  });

  it("replays identical latencies for the same seed", async () => {
    const trace = async (seed: number) => {
      const { clock, llm } = model(seed, 0.1);
      const out: string[] = [];
      for (let i = 0; i < 100; i++) {
        const r = await llm.complete(request).then(
          () => "ok",
          (e: ModelError) => e.code,
        );
        out.push(`${r}@${clock.now()}`);
      }
      return out;
    };
    expect(await trace(42)).toEqual(await trace(42));
    expect(await trace(42)).not.toEqual(await trace(43));
  });

  it("fails about failureRatio of 10,000 calls with a retryable ModelError('overloaded'), never reaching the inner model", async () => {
    const { llm, inner } = model(42, 0.2);
    let overloaded = 0;
    for (let i = 0; i < 10_000; i++) {
      try {
        await llm.complete(request);
      } catch (error) {
        expect(error).toBeInstanceOf(ModelError);
        expect((error as ModelError).code).toBe("overloaded");
        expect((error as ModelError).retryable).toBe(true);
        overloaded++;
      }
    }
    expect(Math.abs(overloaded / 10_000 - 0.2)).toBeLessThan(0.015);
    expect(llm.failures).toBe(overloaded);
    expect(inner.calls).toBe(10_000 - overloaded);
    expect(llm.calls).toBe(10_000);
  });

  it("draws the same latencies whatever the failure ratio", async () => {
    const clockAfter = async (failureRatio: number) => {
      const { clock, llm } = model(7, failureRatio);
      for (let i = 0; i < 50; i++) await llm.complete(request).catch(() => undefined);
      return clock.now();
    };
    expect(await clockAfter(0)).toBe(await clockAfter(0.5));
  });

  it("rejects a failure ratio outside [0, 1]", () => {
    expect(() => model(1, 1.1)).toThrow(RangeError);
    expect(() => model(1, -0.1)).toThrow(RangeError);
  });
});
