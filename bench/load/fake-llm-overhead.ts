/**
 * Orchestration overhead: what EnterpriseHub adds on top of the model call itself.
 *
 * The plan (both halves against the same fake Messages API, test/fakes/fake-anthropic-server.ts,
 * started with NO modeled latency so the model's time is ~0 and what is left is overhead):
 * 1. direct (here): the real @anthropic-ai/sdk sends the exact body the service's Claude adapter
 *    sends for a qualification (toMessageParams of the same ModelRequest), n times, one at a time;
 * 2. through the service (service-overhead.ts): POST /api/leads/qualify on a cache miss (a fresh lead
 *    text each time), the service's Claude adapter pointed at the same fake, n times, one at a time;
 * 3. `orchestrationOverhead(service, direct)`: added latency at P50 and P99, set against LiteLLM's
 *    published 2 ms / 13 ms for its own proxy overhead.
 */
import Anthropic from "@anthropic-ai/sdk";
import { toMessageParams } from "../../src/adapters/claude/claude-request.ts";
import { MODEL_IDS } from "../../src/domain/models.ts";
import { type LatencySummary, summarize } from "../../src/domain/percentiles.ts";
import { QUALIFY_PROMPT } from "../../src/domain/prompts/qualify.ts";
import { QUALIFICATION_JSON_SCHEMA } from "../../src/domain/qualification-schema.ts";
import type { ModelRequest } from "../../src/ports/language-model.ts";
import { assertLoopbackUrl } from "./loopback-url.ts";

/** LiteLLM's published proxy overhead, the anchor to beat. */
export const LITELLM_OVERHEAD_MS = Object.freeze({ p50: 2, p99: 13 });

export interface DirectOptions {
  /** The key the fake accepts; default "test-key" (the fake's default). */
  readonly apiKey?: string;
  /** Untimed calls first; default 20. */
  readonly warmup?: number;
  /** Per-call timeout; default 30 s. */
  readonly timeoutMs?: number;
}

/** The ModelRequest the service's LeadQualifier makes for one lead message (kept in step with it). */
export function qualifyModelRequest(leadText: string): ModelRequest {
  return {
    model: MODEL_IDS.sonnet,
    system: QUALIFY_PROMPT.system,
    messages: [{ role: "user", content: leadText }],
    maxTokens: QUALIFY_PROMPT.maxTokens,
    outputSchema: {
      name: "record_qualification",
      description: "Record the lead's qualification.",
      jsonSchema: QUALIFICATION_JSON_SCHEMA as Record<string, unknown>,
    },
    task: "qualify",
  };
}

/** `n` sequential SDK calls straight to the fake Messages API at `fakeUrl`; latency summary in ms. */
export async function measureDirect(
  fakeUrl: string,
  n: number,
  options: DirectOptions = {},
): Promise<LatencySummary> {
  assertLoopbackUrl(fakeUrl);
  if (!Number.isSafeInteger(n) || n < 1) throw new TypeError(`n must be an integer >= 1, got ${n}`);
  // As the service's adapter configures it: no SDK retries, an explicit base URL.
  const client = new Anthropic({
    apiKey: options.apiKey ?? "test-key",
    baseURL: fakeUrl,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 30_000,
  });
  const call = async (i: number): Promise<void> => {
    const message = await client.messages.create(toMessageParams(qualifyModelRequest(overheadLeadText(i))));
    if (!message.content.some((block) => block.type === "tool_use"))
      throw new Error("the fake Messages API did not answer with the forced tool");
  };
  const warmup = options.warmup ?? 20;
  for (let i = 0; i < warmup; i++) await call(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** What the service adds over a direct call, in ms (negative figures mean noise exceeded the overhead). */
export interface OrchestrationOverhead {
  readonly addedP50Ms: number;
  readonly addedP99Ms: number;
  /** The anchor, for the report. */
  readonly liteLlm: typeof LITELLM_OVERHEAD_MS;
}

/** Service latency minus direct latency at P50 and P99 (both measured in the same run). */
export function orchestrationOverhead(
  service: LatencySummary,
  direct: LatencySummary,
): OrchestrationOverhead {
  return {
    addedP50Ms: service.p50 - direct.p50,
    addedP99Ms: service.p99 - direct.p99,
    liteLlm: LITELLM_OVERHEAD_MS,
  };
}

/** A distinct lead message per call (`i` any distinct number or tag), so no layer can answer from a cache. */
export function overheadLeadText(i: number | string): string {
  return `Hi, I'm pre-approved and want to buy a 3 bedroom house in Austin within 3 months, budget $450k. (lead ${i})`;
}
