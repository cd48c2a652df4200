/**
 * The soak (issue 8): EnterpriseHub as a child process (`src/app/main.ts`, the production composition)
 * on the real PostgreSQL and on the real Redis through a fault proxy, driven by `connections` keep-alive
 * connections of a mixed qualify workload; in the middle of the run the proxy cuts Redis for
 * `cutSeconds`, then restores it. Every request must succeed; throughput, tail latency and the cache
 * tiers' counters are reported per phase, and the service's RSS over the run.
 */
import { TcpProxy } from "../../test/support/tcp-proxy.ts";
import { startEnterpriseHub } from "../load/peers/health-peers.ts";
import { ChildProcessProbe } from "../load/process-probes.ts";
import { deleteRedisPrefix, dropSchema } from "../run-cleanup.ts";
import {
  type CutWindow,
  centredCut,
  countStatuses,
  type OverallStats,
  overallStats,
  type PhaseName,
  type PhaseStats,
  phaseStats,
} from "./phase-timeline.ts";
import { RssSampler, type RssSummary } from "./rss-sampler.ts";
import { SoakWorkload } from "./soak-workload.ts";
import { readTierCounts, type TierCounts, tierDelta } from "./tier-counters.ts";
import { runTimedLoad } from "./timed-load.ts";

export const SOAK_API_KEY = "soak-key-0123456789abcdef";

export interface SoakOptions {
  /** Length of the measured run. */
  readonly seconds: number;
  /** How long Redis stays cut, centred in the run. */
  readonly cutSeconds: number;
  readonly connections: number;
  /** Load before the measured run (not counted): JIT, pools and connections settle. */
  readonly warmupSeconds: number;
  readonly redisUrl: string;
  readonly databaseUrl: string;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

export interface SoakResult {
  readonly options: Omit<SoakOptions, "log">;
  readonly cut: CutWindow;
  readonly phases: PhaseStats[];
  readonly total: OverallStats;
  /** Responses by status ("0" = no response). */
  readonly statusCounts: Record<string, number>;
  readonly rss: RssSummary;
  /** Cache lookups per tier within each phase. */
  readonly tiers: Record<PhaseName, Record<string, TierCounts>>;
}

/** Runs one soak and cleans up after it (the child, the proxy, the run's schema and keys). */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const runMs = options.seconds * 1000;
  const cut = centredCut(runMs, options.cutSeconds * 1000);
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const prefix = `eh:soak:${tag}:`;
  const schema = `soak_${tag}`;
  const proxy = await TcpProxy.forUrl(options.redisUrl, 6379);
  try {
    const server = await startEnterpriseHub({
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      HOST: "127.0.0.1",
      API_KEYS: `soak:${SOAK_API_KEY}`,
      // The soak measures faults, not the per-key budget: a 429 here would be an error.
      RATE_LIMIT_PER_MINUTE: "1000000000",
      REDIS_URL: proxy.urlFor(options.redisUrl),
      REDIS_PREFIX: prefix,
      DATABASE_URL: options.databaseUrl,
      DATABASE_SCHEMA: schema,
      // The offline model answers misses; no real CRM is ever called from a soak.
      ANTHROPIC_API_KEY: "",
      GHL_TOKEN: "",
      // Smaller than the hot set, so answers come from L2 and L3 too, not only L1.
      L1_MAX_ENTRIES: "1000",
    });
    try {
      log(`service pid ${server.pid} at ${server.url}; Redis through proxy port ${proxy.port}`);
      return await measure(options, server, proxy, cut, tag, log);
    } finally {
      await server.stop();
    }
  } finally {
    await proxy.close();
    await Promise.allSettled([
      dropSchema(options.databaseUrl, schema),
      deleteRedisPrefix(options.redisUrl, prefix),
    ]);
  }
}

async function measure(
  options: SoakOptions,
  server: { url: string; pid: number },
  proxy: TcpProxy,
  cut: CutWindow,
  tag: string,
  log: (line: string) => void,
): Promise<SoakResult> {
  const workload = new SoakWorkload({ runTag: tag });
  const load = {
    url: `${server.url}/api/leads/qualify`,
    method: "POST",
    headers: { authorization: `Bearer ${SOAK_API_KEY}`, "content-type": "application/json" },
    nextBody: () => workload.next(),
    connections: options.connections,
  };
  if (options.warmupSeconds > 0) {
    log(`warm-up ${options.warmupSeconds} s`);
    await runTimedLoad({ ...load, durationMs: options.warmupSeconds * 1000 });
  }
  const counts: Array<Promise<Record<string, TierCounts>>> = [readTierCounts(server.url)];
  const rss = new RssSampler(new ChildProcessProbe(server.pid, "enterprisehub"));
  const timers: NodeJS.Timeout[] = [];
  log(
    `load ${options.seconds} s at ${options.connections} connections; Redis cut ${cut.startMs / 1000}–${cut.endMs / 1000} s`,
  );
  const run = await runTimedLoad({
    ...load,
    durationMs: options.seconds * 1000,
    onStart: () => {
      timers.push(
        setTimeout(async () => {
          await proxy.cut();
          log("Redis cut");
          counts.push(readTierCounts(server.url));
        }, cut.startMs),
        setTimeout(async () => {
          counts.push(readTierCounts(server.url));
          await proxy.restore();
          log("Redis restored");
        }, cut.endMs),
      );
    },
  }).finally(() => {
    for (const t of timers) clearTimeout(t);
  });
  counts.push(readTierCounts(server.url));
  const memory = rss.stop();
  const [c0, c1, c2, c3] = await Promise.all(counts);
  const phases = phaseStats(run.samples, cut, options.seconds * 1000);
  return {
    options: {
      seconds: options.seconds,
      cutSeconds: options.cutSeconds,
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      redisUrl: options.redisUrl,
      databaseUrl: options.databaseUrl,
    },
    cut,
    phases,
    total: overallStats(run.samples, run.durationMs),
    statusCounts: countStatuses(run.samples),
    rss: memory,
    tiers: {
      before: tierDelta(c0 ?? {}, c1 ?? {}),
      during: tierDelta(c1 ?? {}, c2 ?? {}),
      after: tierDelta(c2 ?? {}, c3 ?? {}),
    },
  };
}
