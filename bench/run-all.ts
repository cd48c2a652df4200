/**
 * `npm run bench -- [--mode simulated|real] [--iterations N] [--cache-iterations N] [--seed S] [--out DIR] [--quick]`:
 * reproduces the performance report (simulated: the real application on simulated adapters, virtual time,
 * seeded; real: the real adapters timed with a real clock), writes report.json, report.md, meta.json and
 * SVG charts, and exits 1 when a check fails.
 */
import { type RunBenchmarks, runBenchCli } from "./cli/bench-cli.ts";
import type { EndpointResult, LatencyFigures } from "./report/types.ts";
import { runApiReal } from "./runners/api-real.ts";
import { runApiSimulated } from "./runners/api-simulated.ts";
import { runCacheReal } from "./runners/cache-real.ts";
import { runCacheSimulated } from "./runners/cache-simulated.ts";
import { operationUsages } from "./runners/operation-costs.ts";
import { runOrchestration } from "./runners/orchestration.ts";

/** Which parts to run: all, or one (`bench:api`, `bench:cache`, `bench:orchestration`). */
export function benchmarks(part: "all" | "api" | "cache" | "orchestration" = "all"): RunBenchmarks {
  return async (options, progress) => {
    const simulated = options.mode === "simulated";
    const apiSteps = part === "all" || part === "api" ? options.iterations : 0;
    const cacheSteps = part === "all" || part === "cache" ? options.cacheIterations : 0;
    const orchSteps = part === "all" || part === "orchestration" ? options.iterations : 0;

    const api = progress("API endpoints", Math.max(apiSteps, 1));
    const apiRun: { endpoints: EndpointResult[]; middleware?: LatencyFigures } = apiSteps
      ? await (simulated ? runApiSimulated : runApiReal)(apiSteps, options.seed, () => api.tick())
      : { endpoints: [] };
    api.finish();

    const cacheBar = progress("cache tiers", Math.max(cacheSteps, 1));
    const cache = cacheSteps
      ? await (simulated ? runCacheSimulated : runCacheReal)(cacheSteps, options.seed, () => cacheBar.tick())
      : undefined;
    cacheBar.finish();

    const orchBar = progress("orchestration", Math.max(orchSteps, 1));
    const orchestration = orchSteps ? runOrchestration(orchSteps, 2_000, () => orchBar.tick()) : undefined;
    orchBar.finish();

    return {
      endpoints: apiRun.endpoints,
      ...(apiRun.middleware ? { middleware: apiRun.middleware } : {}),
      cache: cache as NonNullable<typeof cache>,
      orchestration: orchestration as NonNullable<typeof orchestration>,
      costs: operationUsages(),
    };
  };
}

const part = (process.env.EH_BENCH_PART ?? "all") as Parameters<typeof benchmarks>[0];
process.exitCode = await runBenchCli(process.argv.slice(2), benchmarks(part));
