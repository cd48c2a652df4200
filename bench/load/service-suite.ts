/**
 * Everything measured on a running EnterpriseHub: the warm-qualify and mixed ramps (7.1), its resources
 * with 100 connections on the mixed workload (7.3), the bot-concurrency scenarios (7.2), and the
 * orchestration overhead against direct calls to the fake Messages API, whose modeled latency is
 * switched off for that comparison only. With several workers, the warm ramp also runs on the first
 * worker alone, interleaved step by step, for the scaling ratio.
 */
import type { LatencySummary } from "../../src/domain/percentiles.ts";
import { runLoad } from "./autocannon-run.ts";
import { BOT_SCENARIO_PLANS, type BotScenarioRun, runBotScenario } from "./bot-concurrency.ts";
import type { FakeLlm } from "./composition-plan.ts";
import type { ServiceUnderLoad } from "./enterprisehub-launch.ts";
import { measureDirect } from "./fake-llm-overhead.ts";
import { RESOURCE_CONNECTIONS } from "./health-peer-suite.ts";
import type { ModeledLlmLatency } from "./modeled-llm-latency.ts";
import { latencyLine, rampLine } from "./progress-lines.ts";
import { RAMP_STEPS, type RampRow, runRamp, runRampComparison } from "./ramp.ts";
import type { ResourceMonitor } from "./resources.ts";
import { measureThroughService } from "./service-overhead.ts";
import {
  mixedTarget,
  prequalify,
  QUICK_SERVICE_WARMUP,
  serviceStepLimits,
  warmQualifyTarget,
} from "./service-ramps.ts";
import { warmQualifyBodies } from "./service-workload.ts";

/** What the service suite needs. */
export interface ServiceSuiteContext {
  readonly service: ServiceUnderLoad;
  /** Sampling the service's process; its baseline already taken. */
  readonly monitor: ResourceMonitor;
  readonly llm: FakeLlm;
  readonly llmLatency: ModeledLlmLatency;
  readonly quick: boolean;
  /** Unique to the run: keeps new leads and conversations new to every tier. */
  readonly tag: string;
  readonly log: (line: string) => void;
  /** Connections of each ramp step (default the report's 10 … 200). */
  readonly steps?: readonly number[];
  /** Told after each measurement (ramp step, resource window, bot scenario, overhead): progress bars. */
  readonly onMeasured?: () => void;
}

/** How many times a default run calls `onMeasured`. */
export const SERVICE_SUITE_MEASUREMENTS = 2 * RAMP_STEPS.length + 1 + BOT_SCENARIO_PLANS.length + 1;

/** What the service suite measured. */
export interface ServiceSuiteResults {
  readonly warm: RampRow[];
  /** The warm ramp on the first worker alone, when the service has several. */
  readonly warmOneWorker?: RampRow[];
  readonly mixed: RampRow[];
  readonly bots: BotScenarioRun[];
  readonly overhead: { readonly direct: LatencySummary; readonly service: LatencySummary };
}

/** Runs every service measurement in turn (the monitor's `after()` is left to the caller). */
export async function runServiceSuite(ctx: ServiceSuiteContext): Promise<ServiceSuiteResults> {
  const { service, quick, log } = ctx;
  const steps = ctx.steps ?? RAMP_STEPS;
  const limits = serviceStepLimits(quick);
  const measured = ctx.onMeasured ?? (() => {});
  const rampOptions = (name: string) => ({
    ...(quick ? { warmup: QUICK_SERVICE_WARMUP } : {}),
    onStep: (_target: string, row: RampRow) => {
      log(rampLine(name, row));
      measured();
    },
  });
  const bodies = warmQualifyBodies();
  await prequalify(service, bodies);

  log(`\nPOST /api/leads/qualify on a warm cache (${bodies.length} leads, qualified once before):`);
  const warmTarget = warmQualifyTarget(service, bodies);
  let warm: RampRow[];
  let warmOneWorker: RampRow[] | undefined;
  if (service.urls.length === 1) {
    warm = await runRamp(warmTarget, steps, limits, rampOptions("warm qualify"));
  } else {
    const all = `warm ×${service.urls.length}`;
    const options = rampOptions(all);
    const rows = await runRampComparison(
      {
        [all]: warmTarget,
        "warm ×1": warmQualifyTarget({ ...service, urls: service.urls.slice(0, 1) }, bodies),
      },
      steps,
      limits,
      {
        ...options,
        // Only the steps of every worker count for progress (SERVICE_SUITE_MEASUREMENTS).
        onStep: (name, row) => (name === all ? options.onStep(name, row) : log(rampLine(name, row))),
      },
    );
    warm = rows[all] ?? [];
    warmOneWorker = rows["warm ×1"] ?? [];
  }

  log("\nmixed workload (70 % warm qualify, 20 % new leads → fake Messages API, 10 % contacts sync of 1–5):");
  const mixed = mixedTarget(service, bodies, ctx.tag);
  const mixedRows = await runRamp(mixed, steps, limits, rampOptions("mixed"));

  log(`\nresources: mixed workload held at ${RESOURCE_CONNECTIONS} connections while sampling:`);
  const held = await ctx.monitor.during(() =>
    runLoad({
      ...mixed,
      connections: RESOURCE_CONNECTIONS,
      amount: limits.amount,
      durationSec: limits.maxSec,
    }),
  );
  log(`  ${held.requests} requests, ${held.non2xx} non-2xx, ${held.errors} connection errors`);
  measured();

  log("\nbot concurrency (each conversation: a first message handing it to the bot, then 2–3 messages):");
  const bots: BotScenarioRun[] = [];
  for (const plan of BOT_SCENARIO_PLANS) {
    const run = await runBotScenario(service, plan, `${ctx.tag}-${bots.length}`);
    bots.push(run);
    log(`${rampLine(plan.scenario, run.row!)}${run.misrouted ? `  misrouted ${run.misrouted}` : ""}`);
    measured();
  }

  const n = quick ? 100 : 500;
  log(`\norchestration overhead (fake Messages API answering at once; ${n} sequential qualify calls each):`);
  const overhead = await ctx.llmLatency.withoutLatency(async () => ({
    direct: await measureDirect(ctx.llm.url, n, { apiKey: ctx.llm.apiKey }),
    service: await measureThroughService(service, n, ctx.tag),
  }));
  log(latencyLine("direct SDK call      ", overhead.direct));
  log(latencyLine("through EnterpriseHub", overhead.service));
  measured();
  return { warm, ...(warmOneWorker ? { warmOneWorker } : {}), mixed: mixedRows, bots, overhead };
}
