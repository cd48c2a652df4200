/**
 * `npm run bench -- [--mode simulated|real] [--iterations N] [--cache-iterations N] [--seed S] [--out DIR] [--quick]`:
 * reproduces the performance report (simulated: the real application on simulated adapters, virtual time,
 * seeded; real: the real adapters timed with a real clock), writes report.json, report.md, meta.json and
 * SVG charts, and exits 1 when a check fails. One part alone: `npm run bench:api|bench:cache|bench:orchestration`.
 */
import { runBenchCli } from "./cli/bench-cli.ts";
import { runAll } from "./runners/run-all-parts.ts";

process.exitCode = await runBenchCli(process.argv.slice(2), runAll);
