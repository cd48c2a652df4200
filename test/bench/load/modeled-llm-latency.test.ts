import { describe, expect, it } from "vitest";
import {
  FULL_LLM_LATENCY,
  llmLatencyFor,
  ModeledLlmLatency,
  QUICK_LLM_LATENCY,
} from "../../../bench/load/modeled-llm-latency.ts";
import { summarize } from "../../../src/domain/percentiles.ts";

describe("the fake Messages API's modeled latency", () => {
  it("models a real call in full runs and a short one under --quick", () => {
    expect(llmLatencyFor(false)).toBe(FULL_LLM_LATENCY);
    expect(llmLatencyFor(true)).toBe(QUICK_LLM_LATENCY);
    expect(FULL_LLM_LATENCY.medianMs).toBe(300);
    expect(QUICK_LLM_LATENCY.medianMs).toBeLessThan(FULL_LLM_LATENCY.medianMs);
  });

  it("samples the same delays for the same seed, around the configured median", () => {
    const a = new ModeledLlmLatency(FULL_LLM_LATENCY, 7);
    const b = new ModeledLlmLatency(FULL_LLM_LATENCY, 7);
    const samples = Array.from({ length: 5_000 }, () => a.sample());
    expect(Array.from({ length: 5_000 }, () => b.sample())).toEqual(samples);
    expect(Math.min(...samples)).toBeGreaterThan(0);
    expect(summarize(samples).p50).toBeGreaterThan(285);
    expect(summarize(samples).p50).toBeLessThan(315);
  });

  it("answers at once while switched off, and models again afterwards (also after a failure)", async () => {
    const latency = new ModeledLlmLatency(QUICK_LLM_LATENCY);
    expect(await latency.withoutLatency(async () => [latency.sample(), latency.sample()])).toEqual([0, 0]);
    expect(latency.sample()).toBeGreaterThan(0);
    await expect(
      latency.withoutLatency(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(latency.sample()).toBeGreaterThan(0);
  });
});
