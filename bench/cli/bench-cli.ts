/**
 * The benchmark command's shell: parse the options, run the benchmarks (the runners are passed in),
 * build and write the report, print where it went and the Appendix A summary. The exit code is 0 when
 * every check passed, 1 when one failed, 2 for a bad command line.
 */
import { buildReport } from "../report/build-report.ts";
import type { BenchConfig, BenchResults } from "../report/types.ts";
import { writeReport } from "../report/write-report.ts";
import { type BenchOptions, parseBenchArgs } from "./args.ts";
import { ProgressReporter, type ProgressStream } from "./progress.ts";
import { collectRunMeta } from "./run-meta.ts";

/** Starts a progress report of `total` steps labelled `label`. */
export type StartProgress = (label: string, total: number) => ProgressReporter;

/** Runs every benchmark; the shell adds the config, so the report always states the options it ran with. */
export type RunBenchmarks = (
  options: BenchOptions,
  progress: StartProgress,
) => Promise<Omit<BenchResults, "config">>;

/** Where the shell talks and what time it is (injected so tests can pin both). */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: ProgressStream;
  readonly now: () => Date;
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, now: () => new Date() };

/** The config recorded in the report for `options`. */
export function configOf(options: BenchOptions): BenchConfig {
  const { mode, seed, iterations, cacheIterations, quick } = options;
  return { mode, seed, iterations, cacheIterations, quick };
}

/** Runs the command for `argv` (without node and the script); resolves to the process exit code. */
export async function runBenchCli(
  argv: readonly string[],
  runBenchmarks: RunBenchmarks,
  io: CliIo = processIo,
): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(`${parsed.text}\n`);
    return 0;
  }
  if (parsed.kind === "error") {
    io.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { options } = parsed;
  const startedAt = io.now();
  const measured = await runBenchmarks(
    options,
    (label, total) => new ProgressReporter(label, total, io.stderr),
  );
  const report = buildReport({ ...measured, config: configOf(options) });
  const files = await writeReport(options.outDir, report, collectRunMeta(startedAt, io.now()));
  const passed = report.checks.filter((c) => c.passed).length;
  io.stdout.write(
    [
      ...report.checks.map((c) => `  ${c.passed ? "PASS" : "FAIL"}  ${c.label.padEnd(38)} ${c.detail}`),
      `${passed}/${report.checks.length} checks passed; grade ${report.grade.letter} (${report.grade.total.toFixed(1)}/100)`,
      ...files.map((f) => `  wrote ${f}`),
      "",
    ].join("\n"),
  );
  return passed === report.checks.length ? 0 : 1;
}
