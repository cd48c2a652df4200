import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LITELLM_OVERHEAD_MS,
  measureDirect,
  orchestrationOverhead,
  qualifyModelRequest,
} from "../../../bench/load/fake-llm-overhead.ts";
import { summarize } from "../../../src/domain/percentiles.ts";
import { FakeAnthropicServer } from "../../fakes/fake-anthropic-server.ts";

let fake: FakeAnthropicServer;
beforeAll(async () => {
  fake = await FakeAnthropicServer.start();
});
afterAll(async () => {
  await fake.close();
});

describe("measureDirect", () => {
  it("makes warm-up + n qualify calls through the SDK and summarizes the n timed ones", async () => {
    fake.resetScript();
    const summary = await measureDirect(fake.url, 5, { warmup: 2 });
    expect(summary.count).toBe(5);
    expect(summary.min).toBeGreaterThan(0);
    expect(fake.requestCount).toBe(7);
  });

  it("sends the body the service's Claude adapter sends for a qualification", async () => {
    fake.resetScript();
    await measureDirect(fake.url, 1, { warmup: 0 });
    const body = fake.requests[0]?.body as Record<string, unknown>;
    expect(body.model).toBe("claude-sonnet-4-5");
    expect(body.tool_choice).toEqual({ type: "tool", name: "record_qualification" });
    expect(body.system).toEqual([expect.objectContaining({ cache_control: { type: "ephemeral" } })]);
    const headers = fake.requests[0]?.headers ?? {};
    expect(headers["x-api-key"] ?? headers.authorization?.replace(/^Bearer /, "")).toBe("test-key");
  });

  it("fails when the fake answers with an error (no SDK retries hide it)", async () => {
    fake.resetScript();
    fake.script([{ status: 529 }]);
    await expect(measureDirect(fake.url, 1, { warmup: 0 })).rejects.toThrow();
    expect(fake.requestCount).toBe(1);
  });

  it("refuses a non-loopback Messages API", async () => {
    await expect(measureDirect("https://api.anthropic.com", 1)).rejects.toMatchObject({
      code: "non_loopback_target",
    });
  });
});

describe("orchestration overhead", () => {
  it("is the service's latency minus the direct call's at P50 and P99, beside LiteLLM's", () => {
    const direct = summarize([1, 1, 1, 2]);
    const service = summarize([1.5, 1.5, 1.5, 4]);
    const overhead = orchestrationOverhead(service, direct);
    expect(overhead.addedP50Ms).toBeCloseTo(0.5, 12);
    expect(overhead.addedP99Ms).toBeCloseTo(service.p99 - direct.p99, 12);
    expect(overhead.liteLlm).toBe(LITELLM_OVERHEAD_MS);
  });

  it("uses a fresh lead text per call so nothing can be served from a cache", () => {
    expect(qualifyModelRequest("a").messages).toEqual([{ role: "user", content: "a" }]);
    expect(qualifyModelRequest("a").outputSchema?.name).toBe("record_qualification");
  });
});
