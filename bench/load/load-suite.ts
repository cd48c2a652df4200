/**
 * The whole load test: the fake Messages API (modeled latency), EnterpriseHub started as a user would
 * run it (one process, or `workers` sharing Redis and PostgreSQL), its /health ramped beside the bare
 * node:http and Express peers, its own workloads (service-suite.ts), then the in-process cache peers.
 * Used by `npm run bench:load` (with the peers) and by `npm run bench -- --mode real` (the service
 * alone, for the report's section 7).
 */
import { FakeAnthropicServer } from "../../test/fakes/fake-anthropic-server.ts";
import { FULL_CACHE_PLANS, QUICK_CACHE_PLANS, runCachePeers } from "./cache-peers.ts";
import { type CompositionChoice, type FakeLlm, planComposition } from "./composition-plan.ts";
import { launchEnterpriseHub, type ServiceUnderLoad } from "./enterprisehub-launch.ts";
import { formatFixed, formatRatio } from "./figures.ts";
import { RESOURCE_CONNECTIONS, runHealthPeers } from "./health-peer-suite.ts";
import { type AssembledLoadReport, assembleLoadReport, SERVICE_NAME } from "./load-report-assembly.ts";
import { llmLatencyFor, ModeledLlmLatency } from "./modeled-llm-latency.ts";
import { rampRatios } from "./peer-ratio.ts";
import { ProcessGroupProbe } from "./process-probes.ts";
import { rampLine, ratioLine } from "./progress-lines.ts";
import { ResourceMonitor } from "./resources.ts";
import { runServiceSuite } from "./service-suite.ts";

const FAKE_LLM_KEY = "fake-messages-api-key-0123456789";

export interface LoadSuiteOptions {
  readonly quick: boolean;
  /** "auto" (default): real Redis / PostgreSQL when reachable; "embedded": PGlite, no L2. */
  readonly composition?: CompositionChoice;
  /** Service processes sharing Redis and PostgreSQL (default 1); above 1 also measures the scaling ratio. */
  readonly workers?: number;
  /** Also run the peers (/health peers, cache peers): `npm run bench:load`. Default true. */
  readonly peers?: boolean;
  /** Seed of the modeled model latency. Default 42. */
  readonly seed?: number;
  readonly log?: (line: string) => void;
  /** Told after each of the service's measurements (SERVICE_SUITE_MEASUREMENTS in all, one worker). */
  readonly onMeasured?: () => void;
}

/** What the suite measured, shaped for load.md / load.json, the chart and the main report. */
export type LoadSuiteResult = AssembledLoadReport;

/** Runs the load test; the servers it starts are stopped and the run's data removed, also on failure. */
export async function runLoadSuite(options: LoadSuiteOptions): Promise<LoadSuiteResult> {
  const { quick } = options;
  const log = options.log ?? (() => {});
  const workers = options.workers ?? 1;
  const latencyModel = llmLatencyFor(quick);
  const llmLatency = new ModeledLlmLatency(latencyModel, options.seed ?? 42);
  const fake = await FakeAnthropicServer.start({
    apiKey: FAKE_LLM_KEY,
    latencyMs: llmLatency.sample,
    recordRequests: false,
  });
  try {
    const plan = await planComposition(options.composition ?? "auto");
    const llm = { url: fake.url, apiKey: FAKE_LLM_KEY };
    const service = await launchEnterpriseHub(plan, llm, workers);
    log(`${SERVICE_NAME}: ${service.composition}`);
    let measured: Awaited<ReturnType<typeof measureWithService>>;
    try {
      measured = await measureWithService(service, plan.tag, llm, llmLatency, options);
    } finally {
      await service.stop();
    }
    const cache = (options.peers ?? true) ? await runCachePeersLogged(quick, log) : undefined;
    return assembleLoadReport({
      composition: service.composition,
      workers,
      llmLatency: latencyModel,
      ...measured,
      ...(cache ? { cache } : {}),
    });
  } finally {
    await fake.close();
  }
}

async function measureWithService(
  service: ServiceUnderLoad,
  tag: string,
  llm: FakeLlm,
  llmLatency: ModeledLlmLatency,
  options: LoadSuiteOptions,
) {
  const { quick } = options;
  const log = options.log ?? (() => {});
  const label = `${SERVICE_NAME}, mixed workload at ${RESOURCE_CONNECTIONS} connections`;
  const monitor = new ResourceMonitor(new ProcessGroupProbe(service.pids, label));
  monitor.baseline();
  let health: Awaited<ReturnType<typeof runHealthPeers>> | undefined;
  if (options.peers ?? true) {
    log(`\n/health ramp, ${SERVICE_NAME} vs Express 5 vs node:http (interleaved step by step):`);
    health = await runHealthPeers({
      quick,
      services: { [SERVICE_NAME]: service.urls },
      onStep: (target, row) => log(rampLine(target, row)),
    });
    for (const table of health.ratios) log(ratioLine(table));
  }
  const suite = await runServiceSuite({
    service,
    monitor,
    llm,
    llmLatency,
    quick,
    tag,
    log,
    ...(options.onMeasured ? { onMeasured: options.onMeasured } : {}),
  });
  monitor.after();
  if (suite.warmOneWorker) {
    const ratios = rampRatios(suite.warm, suite.warmOneWorker);
    log(ratioLine({ ours: `warm qualify ×${service.urls.length} workers`, peer: "1 worker", ratios }));
  }
  return { ...(health ? { health } : {}), suite, resources: monitor.report() };
}

async function runCachePeersLogged(quick: boolean, log: (line: string) => void) {
  log("\ncache peers (ratio = ours ÷ peer, above 1 = ours slower):");
  const cache = await runCachePeers({
    plans: quick ? QUICK_CACHE_PLANS : FULL_CACHE_PLANS,
    onComparison: (c) =>
      log(
        `  ${c.operation.padEnd(20)} p50 ${formatFixed(c.ours.p50)} vs ${formatFixed(c.peer.p50)} ${c.unit} (${formatRatio(c.ratio.p50)})` +
          `  p99 ${formatFixed(c.ours.p99)} vs ${formatFixed(c.peer.p99)} ${c.unit} (${formatRatio(c.ratio.p99)})  [${c.peerLabel}]`,
      ),
  });
  for (const s of cache.skipped) log(`  skipped: ${s}`);
  return cache;
}
