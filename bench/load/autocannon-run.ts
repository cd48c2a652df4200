/**
 * One bounded HTTP load run with autocannon's programmatic API, against a loopback URL only.
 *
 * Latency percentiles are exact: every response's time (autocannon measures it with process.hrtime,
 * from writing the request to the end of the response) is collected from the 'response' event and
 * summarized with the project's percentile math. autocannon's own histogram has no P95 (it reports
 * p97_5) and rounds to whole ms, so it is not used for the figures reported here.
 */
import autocannon, { type AutocannonOptions, type AutocannonRequest } from "autocannon";
import { type LatencySummary, summarize } from "../../src/domain/percentiles.ts";
import { assertLoopbackUrl } from "./loopback-url.ts";

/** One request to send: any field left out comes from the run's defaults. */
export interface LoadRequest {
  readonly method?: string;
  /** Path and query, e.g. "/api/leads/qualify". */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  /**
   * Loopback URL; its path is the default request path. Several URLs (instances of one app): connection
   * i goes to url[i % n], as autocannon spreads them.
   */
  readonly url: string | readonly string[];
  readonly method?: string;
  /** Default headers; `content-type: application/json` is added when a body is sent without one. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Requests each connection cycles through, in order. Exclusive with `nextRequest`. */
  readonly requests?: readonly LoadRequest[];
  /** Builds each request from a running counter (autocannon may build a few it never sends). */
  readonly nextRequest?: (index: number) => LoadRequest;
  readonly connections: number;
  /** Request limit; default 1,000,000 (time is then the real bound). */
  readonly amount?: number;
  /** Time limit in seconds; default 60 (the request limit is then the real bound). */
  readonly durationSec?: number;
  /** Seconds before one request counts as timed out; default 10. */
  readonly timeoutSec?: number;
}

/** Latency in milliseconds: count, min, max, mean and the P50 / P95 / P99 quantiles. */
export type LatencyQuantiles = LatencySummary;

/** What one run measured. */
export interface LoadResult {
  /** Responses received (any status). */
  readonly requests: number;
  /** Responses per second over `durationMs`. */
  readonly throughputRps: number;
  /** Exact quantiles over every response; null when none arrived. */
  readonly latency: LatencyQuantiles | null;
  /** Connection errors and timeouts (no response at all). */
  readonly errors: number;
  readonly timeouts: number;
  /** Responses with a status outside 2xx. */
  readonly non2xx: number;
  /** Responses by status code, e.g. {"200": 4990, "429": 10}. */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** From the start of the run to the last response, in ms. */
  readonly durationMs: number;
  /** Which limit ended the run. */
  readonly stoppedBy: "amount" | "time";
}

const DEFAULT_AMOUNT = 1_000_000;
const DEFAULT_DURATION_SEC = 60;
const MAX_DURATION_SEC = 600;

/** Runs one load test and resolves with its measurements; never runs past its request or time limit. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = (typeof options.url === "string" ? [options.url] : options.url).map(assertLoopbackUrl);
  if (target.length === 0) throw new TypeError("a load run needs at least one URL");
  const limits = validatedLimits(options);
  const samples: number[] = [];
  const statusCounts: Record<string, number> = {};
  let lastResponseAt = 0;
  const startedAt = performance.now();
  const instance = autocannon(toAutocannonOptions(options, target, limits));
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    samples.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    lastResponseAt = performance.now();
  });
  let stoppedBy: LoadResult["stoppedBy"] = "amount";
  const timer = setTimeout(() => {
    stoppedBy = "time";
    instance.stop();
  }, limits.durationSec * 1000);
  let result: Awaited<typeof instance>;
  try {
    result = await instance;
  } finally {
    clearTimeout(timer);
  }
  const durationMs = (samples.length > 0 ? lastResponseAt : performance.now()) - startedAt;
  const non2xx = Object.entries(statusCounts)
    .filter(([status]) => !status.startsWith("2"))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: samples.length,
    throughputRps: durationMs > 0 ? (samples.length * 1000) / durationMs : 0,
    latency: samples.length > 0 ? summarize(samples) : null,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    statusCounts,
    durationMs,
    stoppedBy,
  };
}

interface Limits {
  readonly amount: number;
  readonly durationSec: number;
  readonly timeoutSec: number;
}

function validatedLimits(options: LoadOptions): Limits {
  const { connections } = options;
  const amount = options.amount ?? DEFAULT_AMOUNT;
  const durationSec = options.durationSec ?? DEFAULT_DURATION_SEC;
  const timeoutSec = options.timeoutSec ?? 10;
  if (!Number.isSafeInteger(connections) || connections < 1)
    throw new TypeError(`connections must be an integer >= 1, got ${connections}`);
  // autocannon gives each connection amount / connections requests and refuses a share of zero.
  if (!Number.isSafeInteger(amount) || amount < connections)
    throw new TypeError(`amount must be an integer >= connections (${connections}), got ${amount}`);
  if (!(durationSec > 0 && durationSec <= MAX_DURATION_SEC))
    throw new TypeError(`durationSec must be in (0, ${MAX_DURATION_SEC}], got ${durationSec}`);
  if (!(timeoutSec > 0)) throw new TypeError(`timeoutSec must be > 0, got ${timeoutSec}`);
  if (options.requests && options.nextRequest)
    throw new TypeError("give either requests or nextRequest, not both");
  if (options.requests?.length === 0) throw new TypeError("requests must not be empty");
  return { amount, durationSec, timeoutSec };
}

function toAutocannonOptions(
  options: LoadOptions,
  target: readonly URL[],
  limits: Limits,
): AutocannonOptions {
  const withType = (headers: Readonly<Record<string, string>> | undefined, body: string | undefined) =>
    body !== undefined && !hasHeader(headers, "content-type")
      ? { ...headers, "content-type": "application/json" }
      : { ...headers };
  const base: AutocannonOptions = {
    url: target.length === 1 ? target[0]!.href : target.map((u) => u.href),
    connections: options.connections,
    amount: limits.amount,
    timeout: limits.timeoutSec,
    method: options.method ?? "GET",
    headers: withType(options.headers, options.body),
    // Only autocannon's own histograms use samples; a short interval ends the run promptly after the last reply.
    sampleInt: 50,
    ...(options.body !== undefined ? { body: options.body } : {}),
  };
  const toEntry = (r: LoadRequest): AutocannonRequest => ({
    ...r,
    headers: withType({ ...options.headers, ...r.headers }, r.body ?? options.body),
  });
  if (options.requests) return { ...base, requests: options.requests.map(toEntry) };
  const next = options.nextRequest;
  if (!next) return base;
  let index = 0;
  const setupRequest = (request: AutocannonRequest): AutocannonRequest => ({
    ...request,
    ...toEntry(next(index++)),
  });
  return { ...base, requests: [{ setupRequest }] };
}

function hasHeader(headers: Readonly<Record<string, string>> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((h) => h.toLowerCase() === name);
}
