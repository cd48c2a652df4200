/**
 * The service half of the orchestration-overhead comparison (fake-llm-overhead.ts has the plan and the
 * direct half): POST /api/leads/qualify with a lead text no tier has seen, one request at a time, so each
 * one goes through the whole pipeline (auth, rate limit, validation, routing, cache lookups L1 → L2 → L3,
 * the Claude adapter's call to the fake, extraction, scoring, the cache backfill, the lead and ledger
 * writes) while the fake answers at once. Each answer must come from the origin and a Claude model:
 * anything else would time a different path, so it fails the measurement.
 */
import { type LatencySummary, summarize } from "../../src/domain/percentiles.ts";
import { overheadLeadText } from "./fake-llm-overhead.ts";
import { assertLoopbackUrl } from "./loopback-url.ts";
import { QUALIFY_PATH } from "./service-workload.ts";

/** Where to send the qualifications. */
export interface OverheadTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Thrown when the service answered from elsewhere than the model (`code` is stable). */
export class OverheadPathError extends Error {
  readonly code = "wrong_path";
  constructor(message: string) {
    super(message);
    this.name = "OverheadPathError";
  }
}

/** `n` timed sequential cache-miss qualifications (after `warmup` untimed ones); latency summary in ms. */
export async function measureThroughService(
  target: OverheadTarget,
  n: number,
  tag: string,
  warmup = 20,
): Promise<LatencySummary> {
  assertLoopbackUrl(target.url);
  if (!Number.isSafeInteger(n) || n < 1) throw new TypeError(`n must be an integer >= 1, got ${n}`);
  const call = async (id: string): Promise<number> => {
    // Same lead text shape as the direct half; no email, so no contact write the direct call lacks.
    const body = JSON.stringify({ messages: [{ text: overheadLeadText(`${tag}-${id}`) }] });
    const start = performance.now();
    const res = await fetch(`${target.url}${QUALIFY_PATH}`, {
      method: "POST",
      headers: target.headers,
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json()) as { cache?: unknown; model?: unknown };
    const elapsed = performance.now() - start;
    if (res.status !== 200)
      throw new OverheadPathError(`qualify answered ${res.status}: ${JSON.stringify(json)}`);
    if (json.cache !== "origin" || typeof json.model !== "string" || !json.model.startsWith("claude-"))
      throw new OverheadPathError(
        `expected a fresh answer from a Claude model, got cache ${String(json.cache)}, model ${String(json.model)}`,
      );
    return elapsed;
  };
  for (let i = 0; i < warmup; i++) await call(`warmup-${i}`);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await call(String(i)));
  return summarize(samples);
}
