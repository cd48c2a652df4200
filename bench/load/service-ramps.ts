/**
 * EnterpriseHub's own ramps (section 7.1) beyond /health: qualification on a warm cache, and the mixed
 * workload (warm qualifications, new leads that reach the fake Messages API, contacts syncs). Each is a
 * LoadTarget for ramp.ts; the warm set is qualified once first, so the ramp measures cache hits.
 */
import type { LoadRequest } from "./autocannon-run.ts";
import type { LoadTarget, StepLimits } from "./ramp.ts";
import { mixedRequests, QUALIFY_PATH } from "./service-workload.ts";

/** A running service to load: its instances' base URLs (connections spread over them) and its headers. */
export interface ServiceTarget {
  readonly urls: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

const atPath = (service: ServiceTarget, path: string): string[] => service.urls.map((u) => `${u}${path}`);

/** Per-step bounds of the service's qualify ramps, full run (the /health ramps use ramp.ts's). */
export const FULL_SERVICE_STEP: StepLimits = Object.freeze({ amount: 20_000, maxSec: 6 });
/** Per-step bounds of the service's qualify ramps under `--quick`: every step still gives each connection work. */
export const QUICK_SERVICE_STEP: StepLimits = Object.freeze({ amount: 2_000, maxSec: 1.5 });
/** The unreported warm-up before a qualify ramp's first step, under `--quick` (the cache is already warm). */
export const QUICK_SERVICE_WARMUP: StepLimits = Object.freeze({ amount: 300, maxSec: 0.5 });

/** The qualify ramps' per-step bounds for a full or a `--quick` run. */
export function serviceStepLimits(quick: boolean): StepLimits {
  return quick ? QUICK_SERVICE_STEP : FULL_SERVICE_STEP;
}

/** Thrown when the warm set could not be qualified before the ramp (`code` is stable). */
export class WarmUpError extends Error {
  readonly code = "warm_up_failed";
  constructor(message: string) {
    super(message);
    this.name = "WarmUpError";
  }
}

/**
 * Qualifies each body once (a few at a time), then once more on every instance to check the answers
 * now come from a cache tier: the warm ramp that follows must measure cache hits, not model calls.
 */
export async function prequalify(
  service: ServiceTarget,
  bodies: readonly string[],
  parallel = 5,
): Promise<void> {
  const [first] = service.urls;
  if (first === undefined) throw new TypeError("the service has no URL");
  await forEachBody(first, service.headers, bodies, parallel, () => {});
  for (const url of service.urls) {
    await forEachBody(url, service.headers, bodies, parallel, (answer) => {
      if (answer.cache === "origin" || typeof answer.cache !== "string")
        throw new WarmUpError(
          `a warmed lead was not answered from the cache (cache: ${String(answer.cache)})`,
        );
    });
  }
}

async function forEachBody(
  url: string,
  headers: Readonly<Record<string, string>>,
  bodies: readonly string[],
  parallel: number,
  check: (answer: { cache?: unknown }) => void,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(`${url}${QUALIFY_PATH}`, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status !== 200)
        throw new WarmUpError(`warming the cache: qualify answered ${res.status}: ${text}`);
      check(JSON.parse(text) as { cache?: unknown });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, bodies.length) }, worker));
}

/** POST /api/leads/qualify, each connection cycling through `bodies` (all warm: cache hits). */
export function warmQualifyTarget(service: ServiceTarget, bodies: readonly string[]): LoadTarget {
  if (bodies.length === 0) throw new TypeError("the warm qualify workload needs bodies");
  return {
    url: atPath(service, QUALIFY_PATH),
    method: "POST",
    headers: service.headers,
    requests: bodies.map((body): LoadRequest => ({ method: "POST", path: QUALIFY_PATH, body })),
  };
}

/**
 * The mixed workload (70 % warm qualify, 20 % new leads, 10 % contacts sync of 1–5 contacts). The
 * request counter runs on across every run made with this target, so a "new" lead is never sent twice.
 */
export function mixedTarget(service: ServiceTarget, warmBodies: readonly string[], tag: string): LoadTarget {
  const build = mixedRequests(warmBodies, tag);
  let counter = 0;
  return {
    url: atPath(service, QUALIFY_PATH),
    method: "POST",
    headers: service.headers,
    nextRequest: () => build(counter++),
  };
}
