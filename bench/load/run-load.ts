/**
 * `tsx bench/load/run-load.ts [--quick] [--out DIR]`: the load test and peer comparisons.
 * For now: the /health ramp of the node:http and Express 5 peers, the cache peer benchmarks and the
 * direct half of the orchestration-overhead comparison; the lead adds EnterpriseHub's own runs.
 * Prints the ratios and the section 7 markdown; with --out, also writes load.md, load.json and
 * load-chart.svg there. Budget: under 60 s with --quick, under 5 minutes without.
 * Exits 1 when a /health step saw errors (the issue accepts none at 200 connections).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FakeAnthropicServer } from "../../test/fakes/fake-anthropic-server.ts";
import { FULL_CACHE_PLANS, QUICK_CACHE_PLANS, runCachePeers } from "./cache-peers.ts";
import { measureDirect } from "./fake-llm-overhead.ts";
import { formatCount, formatFixed, formatPercent, formatRatio } from "./figures.ts";
import { runHealthPeers } from "./health-peer-suite.ts";
import { renderLoadChart } from "./load-chart.ts";
import { describeMachine } from "./machine-info.ts";
import { formatMs } from "./markdown-table.ts";
import { type LoadReportInput, renderLoadReport } from "./report-section.ts";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log("usage: tsx bench/load/run-load.ts [--quick] [--out DIR]");
  process.exit(0);
}
// Ctrl-C: leave through process.exit so the child servers' exit hooks kill them.
process.once("SIGINT", () => process.exit(130));

const quick = args.quick;
const started = performance.now();
const machine = describeMachine();
const log = (line: string) => console.log(line);
log(
  `load test (${quick ? "quick" : "full"}): ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}`,
);

log("\n/health ramp, node:http vs Express 5 (interleaved step by step):");
const health = await runHealthPeers(quick, (target, row) =>
  log(
    `  ${target.padEnd(10)} ${String(row.users).padStart(3)} conn  ${formatCount(row.throughputRps).padStart(7)} rps` +
      `  p50 ${formatMs(row.latency?.p50)} ms  p99 ${formatMs(row.latency?.p99)} ms` +
      `  errors ${formatPercent(row.errorRate)}`,
  ),
);
for (const t of health.ratios) {
  log(
    `  ${t.ours} ÷ ${t.peer}: ${t.ratios.map((r) => `${r.users}: rps ${formatRatio(r.throughput)} p99 ${formatRatio(r.p99)}`).join(" | ")}`,
  );
}

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

log("\nqualify request straight to the fake Messages API (the peer half of the orchestration overhead):");
const fake = await FakeAnthropicServer.start({ recordRequests: false });
let direct: Awaited<ReturnType<typeof measureDirect>>;
try {
  direct = await measureDirect(fake.url, quick ? 100 : 500);
} finally {
  await fake.close();
}
log(
  `  direct SDK call: p50 ${formatFixed(direct.p50)} ms  p99 ${formatFixed(direct.p99)} ms (n=${direct.count})`,
);

const report: LoadReportInput = {
  machine,
  ramps: health.ramps,
  resources: health.resources,
  rampRatios: health.ratios,
  cachePeers: cache.comparisons,
  orchestration: { direct },
  skipped: cache.skipped,
};
const markdown = renderLoadReport(report);
log(`\n${markdown}`);
if (args.out) {
  await mkdir(args.out, { recursive: true });
  const series = Object.entries(health.rows).map(([name, rows]) => ({ name: `${name} /health`, rows }));
  await writeFile(join(args.out, "load.md"), markdown);
  await writeFile(join(args.out, "load.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(args.out, "load-chart.svg"), renderLoadChart(series));
  log(`wrote load.md, load.json and load-chart.svg to ${args.out}`);
}

const failedSteps = Object.entries(health.rows).flatMap(([name, rows]) =>
  rows
    .filter((r) => r.errorRate > 0)
    .map((r) => `${name} at ${r.users} connections: ${formatPercent(r.errorRate)} errors`),
);
log(`done in ${formatFixed((performance.now() - started) / 1000, 1)} s`);
if (failedSteps.length > 0) {
  console.error(`FAIL: /health must answer without errors:\n  ${failedSteps.join("\n  ")}`);
  process.exitCode = 1;
}
