/**
 * `npm run bench:load -- [--quick] [--out DIR] [--embedded] [--workers N]`: the load test and peer comparisons
 * (load-suite.ts). Prints each figure as it is measured, the ratios, and the section 7 markdown; with
 * --out, also writes load.md, load.json and load-chart.svg there. Budget: under 60 s with --quick,
 * under 5 minutes without. Exits 1 when any step saw an error (non-2xx or no answer): the rate limit
 * is set out of reach, so no 429 is deliberate and every failure counts.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { WorkersNeedDatabaseError } from "./enterprisehub-launch.ts";
import { formatFixed } from "./figures.ts";
import { renderLoadChart } from "./load-chart.ts";
import { runLoadSuite } from "./load-suite.ts";
import { describeMachine } from "./machine-info.ts";
import { renderLoadReport } from "./report-section.ts";

const USAGE = `usage: npm run bench:load -- [--quick] [--out DIR] [--embedded] [--workers N]
  --quick      CI bounds: under 60 s in all
  --out DIR    also write load.md, load.json and load-chart.svg to DIR
  --embedded   run EnterpriseHub on its embedded defaults (PGlite, no Redis) even when servers answer
  --workers N  N EnterpriseHub processes sharing Redis and PostgreSQL (1 to 16; default 1), and the
               scaling ratio of the warm qualify ramp, N workers against 1 (needs PostgreSQL)`;
const MAX_WORKERS = 16;

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string" },
    embedded: { type: "boolean", default: false },
    workers: { type: "string", default: "1" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const workers = Number(args.workers);
if (!/^\d+$/.test(args.workers) || workers < 1 || workers > MAX_WORKERS) {
  console.error(`--workers needs a whole number from 1 to ${MAX_WORKERS}, got "${args.workers}"\n\n${USAGE}`);
  process.exit(2);
}
if (workers > 1 && args.embedded) {
  console.error("--workers above 1 needs PostgreSQL: PGlite (--embedded) belongs to one process");
  process.exit(2);
}
// Ctrl-C: leave through process.exit so the child servers' exit hooks kill them.
process.once("SIGINT", () => process.exit(130));

const started = performance.now();
const machine = describeMachine();
const log = (line: string) => console.log(line);
log(
  `load test (${args.quick ? "quick" : "full"}): ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}`,
);

const result = await runLoadSuite({
  quick: args.quick,
  composition: args.embedded ? "embedded" : "auto",
  workers,
  log,
}).catch((error: unknown) => {
  // A setup the run cannot measure (workers without PostgreSQL): a message, not a stack trace.
  if (!(error instanceof WorkersNeedDatabaseError)) throw error;
  console.error(error.message);
  process.exit(2);
});
const markdown = renderLoadReport(result.report);
log(`\n${markdown}`);
if (args.out) {
  await mkdir(args.out, { recursive: true });
  await writeFile(join(args.out, "load.md"), markdown);
  await writeFile(join(args.out, "load.json"), `${JSON.stringify(result.report, null, 2)}\n`);
  await writeFile(join(args.out, "load-chart.svg"), renderLoadChart(result.chart));
  log(`wrote load.md, load.json and load-chart.svg to ${args.out}`);
}

log(`done in ${formatFixed((performance.now() - started) / 1000, 1)} s`);
if (result.failures.length > 0) {
  console.error(`FAIL: every step must answer without errors:\n  ${result.failures.join("\n  ")}`);
  process.exitCode = 1;
}
