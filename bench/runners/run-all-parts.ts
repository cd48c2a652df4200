/**
 * The whole suite for `npm run bench`: API, cache, orchestration and costs, simulated or real; in real
 * mode also the load test on EnterpriseHub (section 7: ramp, bot concurrency, resources; the peers stay
 * in `npm run bench:load`). Simulated mode has no load test: it needs real HTTP under real concurrency.
 */
import type { RunBenchmarks } from "../cli/bench-cli.ts";
import type { LatencyFigures, LoadResult } from "../report/types.ts";
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
  let load: LoadResult | undefined;
  if (!simulated) {
    // Loaded only here: simulated runs never pay for the HTTP load machinery (autocannon, the fake API).
    const { runLoadSuite } = await import("../load/load-suite.ts");
    const { SERVICE_SUITE_MEASUREMENTS } = await import("../load/service-suite.ts");
    const loadBar = progress("load test", SERVICE_SUITE_MEASUREMENTS);
    ({ load } = await runLoadSuite({ quick: options.quick, peers: false, onMeasured: () => loadBar.tick() }));
    loadBar.finish();
  }
  return {
    endpoints: api.endpoints,
    ...("middleware" in api && api.middleware ? { middleware: api.middleware as LatencyFigures } : {}),
    cache,
    orchestration,
    costs: operationUsages(),
    ...(load ? { load } : {}),
  };
};
