/**
 * The API benchmark, simulated (report section 2; its method: "log-normal latency + real computation").
 * Every iteration sends a real request through the real Express stack (auth, rate limit, logging,
 * validation) and the real services on the simulated adapters, and checks the answer; its latency is
 * then drawn from the endpoint's calibrated model — for qualify, from the model of the path the request
 * really took (cache hit or LLM). The simulated tiers are set so 30 % of qualifications hit a tier.
 */
import { logNormal } from "../../src/adapters/simulated/log-normal.ts";
import { SeededRandom } from "../../src/adapters/simulated/seeded-random.ts";
import { ENDPOINT_LATENCY, MIDDLEWARE_LATENCY } from "../calibration.ts";
import type { EndpointResult, LatencyFigures } from "../report/types.ts";
import { startBenchService } from "./bench-service.ts";
import { figures } from "./latency-figures.ts";
import { qualifyBody, syncBody } from "./workload.ts";

// Per-tier hit ratios giving 1 − 0.82 · 0.90 · 0.95 = 29.9 % of qualifications answered from cache (report 2.3: 30 %).
const QUALIFY_RATIOS = { L1: 0.18, L2: 0.1, L3: 0.05 } as const;
const CACHED = JSON.stringify({
  qualification: {
    intent: "buy",
    intentConfidence: 0.9,
    timeline: "0-3m",
    financing: "pre_approved",
    budgetMax: 600_000,
    location: "Austin",
  },
  model: "offline-rules-v1",
});

export interface ApiRun {
  endpoints: EndpointResult[];
  middleware: LatencyFigures;
}

/** Runs `iterations` requests per endpoint with `seed`. */
export async function runApiSimulated(
  iterations: number,
  seed: number,
  onStep: () => void = () => {},
): Promise<ApiRun> {
  const ratios = Object.fromEntries(
    Object.entries(QUALIFY_RATIOS).map(([tier, hitRatio]) => [tier, { hitRatio, synthesize: () => CACHED }]),
  );
  const svc = await startBenchService({ EH_ADAPTERS: "simulated", SEED: String(seed) }, { ratios });
  const root = new SeededRandom(seed);
  const draw = {
    health: root.fork("api.health"),
    sync: root.fork("api.sync"),
    qualify: root.fork("api.qualify"),
    middleware: root.fork("api.middleware"),
  };
  const call = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${svc.url}${path}`, { method, headers: svc.headers, ...(body ? { body } : {}) });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  try {
    const health: number[] = [];
    const sync: number[] = [];
    const hitPath: number[] = [];
    const llmPath: number[] = [];
    const middleware: number[] = [];
    for (let i = 0; i < iterations; i++) {
      await call("GET", "/health");
      health.push(logNormal(draw.health, ENDPOINT_LATENCY.health));
      const q = await call("POST", "/api/leads/qualify", qualifyBody(i));
      if (q.cache === "origin") llmPath.push(logNormal(draw.qualify, ENDPOINT_LATENCY.qualify.llm));
      else hitPath.push(logNormal(draw.qualify, ENDPOINT_LATENCY.qualify.cacheHit));
      await call("POST", "/api/contacts/sync", syncBody(i));
      sync.push(logNormal(draw.sync, ENDPOINT_LATENCY.sync));
      middleware.push(logNormal(draw.middleware, MIDDLEWARE_LATENCY));
      onStep();
    }
    return {
      endpoints: [
        { endpoint: "health", latency: figures(health, "modeled") },
        {
          endpoint: "qualify",
          latency: figures([...hitPath, ...llmPath], "modeled"),
          paths: [
            { name: "cache hit", count: hitPath.length, latency: figures(hitPath, "modeled") },
            { name: "LLM", count: llmPath.length, latency: figures(llmPath, "modeled") },
          ],
        },
        { endpoint: "sync", latency: figures(sync, "modeled") },
      ],
      middleware: figures(middleware, "modeled"),
    };
  } finally {
    await svc.close();
  }
}
