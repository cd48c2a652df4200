/**
 * The API benchmark, real (MEASURED): the production composition — Redis L2 and PostgreSQL (PGlite when
 * DATABASE_URL is unset) — over real HTTP on loopback, timed with a real clock. Qualification uses the
 * offline model (Claude cannot be reached here); 30 % of qualify requests repeat an earlier lead, so they
 * are answered from a cache tier, as in the report's bimodal model.
 */

import { SeededRandom } from "../../src/adapters/simulated/seeded-random.ts";
import type { EndpointResult } from "../report/types.ts";
import { deleteRedisPrefix, dropSchema, removeDataDir } from "../run-cleanup.ts";
import { startBenchService } from "./bench-service.ts";
import { figures } from "./latency-figures.ts";
import { qualifyBody, syncBody } from "./workload.ts";

/** Runs `iterations` timed requests per endpoint (after a short warm-up). */
export async function runApiReal(
  iterations: number,
  seed: number,
  onStep: () => void = () => {},
): Promise<{ endpoints: EndpointResult[] }> {
  const prefix = `eh:bench:${process.pid}:${Date.now().toString(36)}:`;
  const schema = `bench_api_${process.pid}_${Date.now().toString(36)}`;
  const dbUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const dataDir = `bench-results/.pglite-${process.pid}`;
  const svc = await startBenchService({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    ...(dbUrl ? { DATABASE_URL: dbUrl, DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir }),
  });
  const repeat = new SeededRandom(seed).fork("api.repeat");
  const time = async (method: string, path: string, body?: string) => {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${svc.url}${path}`, { method, headers: svc.headers, ...(body ? { body } : {}) });
    const json = (await res.json()) as Record<string, unknown>;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 200)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return { ms, json };
  };
  try {
    for (let i = 0; i < 50; i++) await time("GET", "/health");
    const health: number[] = [];
    const sync: number[] = [];
    const hit: number[] = [];
    const llm: number[] = [];
    for (let i = 0; i < iterations; i++) {
      health.push((await time("GET", "/health")).ms);
      const lead = i > 0 && repeat.next() < 0.3 ? Math.floor(repeat.next() * i) : i;
      const q = await time("POST", "/api/leads/qualify", qualifyBody(lead));
      (q.json.cache === "origin" ? llm : hit).push(q.ms);
      sync.push((await time("POST", "/api/contacts/sync", syncBody(i))).ms);
      onStep();
    }
    return {
      endpoints: [
        { endpoint: "health", latency: figures(health, "measured") },
        {
          endpoint: "qualify",
          latency: figures([...hit, ...llm], "measured"),
          paths: [
            { name: "cache hit", count: hit.length, latency: figures(hit, "measured") },
            { name: "model (offline)", count: llm.length, latency: figures(llm, "measured") },
          ],
        },
        { endpoint: "sync", latency: figures(sync, "measured") },
      ],
    };
  } finally {
    await svc.close();
    await deleteRedisPrefix(redisUrl, prefix);
    if (dbUrl) await dropSchema(dbUrl, schema);
    else await removeDataDir(dataDir);
  }
}
