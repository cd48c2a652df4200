/**
 * `npm run bench:api | bench:cache | bench:orchestration -- [same flags as bench]`: one part of the suite,
 * printed as a table and written to DIR/<part>.json (deterministic in simulated mode, like report.json).
 * The full report and its 8 checks come from `npm run bench`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseBenchArgs } from "./cli/args.ts";
import { ProgressReporter } from "./cli/progress.ts";
import type { LatencyFigures } from "./report/types.ts";
import { runApiReal } from "./runners/api-real.ts";
import { runApiSimulated } from "./runners/api-simulated.ts";
import { runCacheReal } from "./runners/cache-real.ts";
import { runCacheSimulated } from "./runners/cache-simulated.ts";
import { runOrchestration } from "./runners/orchestration.ts";

const part = process.argv[2] as "api" | "cache" | "orchestration";
const parsed = parseBenchArgs(process.argv.slice(3));
if (parsed.kind !== "run" || !["api", "cache", "orchestration"].includes(part)) {
  process.stderr.write(
    `${parsed.kind === "error" ? parsed.message : "usage: run-part.ts api|cache|orchestration [flags]"}\n`,
  );
  process.exit(parsed.kind === "help" ? 0 : 2);
}
const o = parsed.options;
const sim = o.mode === "simulated";
const steps = part === "cache" ? o.cacheIterations : o.iterations;
const bar = new ProgressReporter(part, steps);
const tick = () => bar.tick();
const result =
  part === "api"
    ? await (sim ? runApiSimulated : runApiReal)(o.iterations, o.seed, tick)
    : part === "cache"
      ? await (sim ? runCacheSimulated : runCacheReal)(o.cacheIterations, o.seed, tick)
      : runOrchestration(o.iterations, 2_000, tick);
bar.finish();

const rows: Array<[string, LatencyFigures]> = [];
if ("endpoints" in result) for (const e of result.endpoints) rows.push([e.endpoint, e.latency]);
if ("tiers" in result) {
  for (const t of result.tiers)
    rows.push([`${t.tier} (${(t.hitRate * 100).toFixed(1)}% of requests)`, t.latency]);
  rows.push([`overall hits (${(result.overall.hitRate * 100).toFixed(1)}%)`, result.overall.latency]);
}
if ("phases" in result) {
  for (const p of result.phases) rows.push([p.phase, p.latency]);
  rows.push(["total", result.total]);
}
const ms = (x: number) => (x < 0.1 ? x.toFixed(4) : x.toFixed(2));
for (const [name, l] of rows) {
  process.stdout.write(
    `${name.padEnd(34)} ${l.provenance.padEnd(9)} P50 ${ms(l.p50)}ms  P95 ${ms(l.p95)}ms  P99 ${ms(l.p99)}ms  (n=${l.count})\n`,
  );
}
await mkdir(o.outDir, { recursive: true });
const file = join(o.outDir, `${part}.json`);
// Real-mode timings vary run to run; orchestration is always measured. Only simulated api/cache are byte-stable.
await writeFile(file, `${JSON.stringify({ part, mode: o.mode, seed: o.seed, result }, null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
