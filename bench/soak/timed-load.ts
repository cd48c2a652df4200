/**
 * A bounded autocannon run that keeps every request's completion time, not just totals, so the soak can
 * split throughput and latency by phase (before / during / after a fault). Loopback targets only.
 */
import autocannon, { type AutocannonRequest } from "autocannon";
import { assertLoopbackUrl } from "../load/loopback-url.ts";
import type { RequestSample } from "./phase-timeline.ts";

export interface TimedLoadOptions {
  /** Loopback URL of the endpoint, e.g. "http://127.0.0.1:41234/api/leads/qualify". */
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Builds each request's body. */
  readonly nextBody: () => string;
  readonly connections: number;
  readonly durationMs: number;
  /** Seconds before a request without a response counts as an error. Default 10. */
  readonly timeoutSec?: number;
  /** Called once the load runs, with the time origin of every sample's `atMs`. */
  readonly onStart?: (startedAt: number) => void;
}

/** Every request of the run, plus autocannon's own error count as a cross-check. */
export interface TimedLoadResult {
  readonly samples: RequestSample[];
  /** Wall time from the first request to the end of the run, in ms. */
  readonly durationMs: number;
  /** Connection errors and timeouts as autocannon counted them. */
  readonly errors: number;
  readonly timeouts: number;
}

/** Drives `connections` keep-alive connections at the endpoint for `durationMs`, then stops. */
export async function runTimedLoad(options: TimedLoadOptions): Promise<TimedLoadResult> {
  const target = assertLoopbackUrl(options.url);
  if (!Number.isSafeInteger(options.connections) || options.connections < 1)
    throw new TypeError(`connections must be an integer >= 1, got ${options.connections}`);
  if (!(options.durationMs > 0)) throw new TypeError(`durationMs must be > 0, got ${options.durationMs}`);
  const samples: RequestSample[] = [];
  const setupRequest = (request: AutocannonRequest): AutocannonRequest => ({
    ...request,
    body: options.nextBody(),
  });
  const instance = autocannon({
    url: target.href,
    connections: options.connections,
    // The timer below ends the run; autocannon's own limit is only a backstop.
    duration: Math.ceil(options.durationMs / 1000) + 5,
    timeout: options.timeoutSec ?? 10,
    method: options.method,
    headers: { ...options.headers },
    requests: [{ setupRequest }],
    sampleInt: 50,
  });
  const startedAt = performance.now();
  options.onStart?.(startedAt);
  instance.on("response", (_client: unknown, status: number, _bytes: number, latencyMs: number) => {
    samples.push({ atMs: performance.now() - startedAt, latencyMs, status });
  });
  instance.on("reqError", () => {
    samples.push({ atMs: performance.now() - startedAt, latencyMs: 0, status: 0 });
  });
  const timer = setTimeout(() => instance.stop(), options.durationMs);
  try {
    const result = await instance;
    return {
      samples,
      durationMs: performance.now() - startedAt,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    clearTimeout(timer);
  }
}
