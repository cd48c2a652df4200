/** The whole suite for `npm run bench`: API, cache, orchestration and costs, simulated or real. */
import type { RunBenchmarks } from "../cli/bench-cli.ts";
import type { LatencyFigures } from "../report/types.ts";
import { runApiReal } from "./api-real.ts";
import { runApiSimulated } from "./api-simulated.ts";
import { runCacheReal } from "./cache-real.ts";
import { runCacheSimulated } from "./cache-simulated.ts";
import { operationUsages } from "./operation-costs.ts";
import { runOrchestration } from "./orchestration.ts";

/** Every part of the suite, in the report's order. */
export const runAll: RunBenchmarks = async (options, progress) => {
  const simulated = options.mode === "simulated";
  const apiBar = progress("API endpoints", options.iterations);
  const api = simulated
    ? await runApiSimulated(options.iterations, options.seed, () => apiBar.tick())
    : await runApiReal(options.iterations, options.seed, () => apiBar.tick());
  apiBar.finish();
  const cacheBar = progress("cache tiers", options.cacheIterations);
  const cache = await (simulated ? runCacheSimulated : runCacheReal)(
    options.cacheIterations,
    options.seed,
    () => cacheBar.tick(),
  );
  cacheBar.finish();
  const orchBar = progress("orchestration", options.iterations);
  const orchestration = runOrchestration(options.iterations, 2_000, () => orchBar.tick());
  orchBar.finish();
  return {
    endpoints: api.endpoints,
    ...("middleware" in api && api.middleware ? { middleware: api.middleware as LatencyFigures } : {}),
    cache,
    orchestration,
    costs: operationUsages(),
  };
};
