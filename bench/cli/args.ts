/**
 * The benchmark CLI's options. Bad input is an expected outcome, so parsing returns a typed result
 * with a message meant for the person who typed the command, never a stack trace.
 */
import type { BenchMode } from "../report/types.ts";

/** What a run was asked to do. */
export interface BenchOptions {
  readonly mode: BenchMode;
  readonly iterations: number;
  readonly cacheIterations: number;
  readonly seed: number;
  readonly outDir: string;
  readonly quick: boolean;
}

/** The outcome of parsing the command line. */
export type ParsedArgs =
  | { readonly kind: "run"; readonly options: BenchOptions }
  | { readonly kind: "help"; readonly text: string }
  | { readonly kind: "error"; readonly message: string };

/** Defaults of a full run. */
export const DEFAULTS = {
  mode: "simulated",
  iterations: 1_000,
  cacheIterations: 10_000,
  seed: 42,
  outDir: "bench-results",
} as const;

/** The smaller counts `--quick` uses unless they are given explicitly. */
export const QUICK = { iterations: 100, cacheIterations: 1_000 } as const;

/** Upper bound for iteration counts: beyond it a typo (an extra zero or three) is likelier than intent. */
export const MAX_ITERATIONS = 10_000_000;

/** The help text, also appended to every error. */
export const USAGE = `Usage: npm run bench -- [options]

  --mode simulated|real     simulated adapters on virtual time, or the real ones (default ${DEFAULTS.mode})
  --iterations N            requests per endpoint and orchestration runs (default ${DEFAULTS.iterations})
  --cache-iterations N      cache operations (default ${DEFAULTS.cacheIterations})
  --seed S                  integer seed of every simulated stream (default ${DEFAULTS.seed})
  --out DIR                 output folder (default ${DEFAULTS.outDir}/)
  --quick                   ${QUICK.iterations} iterations and ${QUICK.cacheIterations} cache operations unless given
  --help                    this text`;

const VALUED = ["--mode", "--iterations", "--cache-iterations", "--seed", "--out"] as const;
type Valued = (typeof VALUED)[number];

const fail = (message: string): ParsedArgs => ({ kind: "error", message: `${message}\n\n${USAGE}` });

function count(flag: string, raw: string): number | string {
  if (!/^\d+$/.test(raw)) return `${flag} needs a whole number, got "${raw}"`;
  const n = Number(raw);
  if (n < 1 || n > MAX_ITERATIONS) return `${flag} must be between 1 and ${MAX_ITERATIONS}, got ${raw}`;
  return n;
}

/** Parses `argv` (without node and the script): `--flag value` or `--flag=value`, each flag at most once. */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<Valued, string>();
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--help" || token === "-h") return { kind: "help", text: USAGE };
    if (token === "--quick") {
      quick = true;
      continue;
    }
    const [flag, inline] = token.includes("=")
      ? [token.slice(0, token.indexOf("=")), token.slice(token.indexOf("=") + 1)]
      : [token, undefined];
    if (!(VALUED as readonly string[]).includes(flag)) return fail(`Unknown option "${token}".`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      return fail(`${flag} needs a value.`);
    }
    if (values.has(flag as Valued)) return fail(`${flag} was given twice.`);
    values.set(flag as Valued, value);
  }
  const mode = values.get("--mode") ?? DEFAULTS.mode;
  if (mode !== "simulated" && mode !== "real")
    return fail(`--mode must be "simulated" or "real", got "${mode}".`);
  const iterations = count(
    "--iterations",
    values.get("--iterations") ?? String(quick ? QUICK.iterations : DEFAULTS.iterations),
  );
  if (typeof iterations === "string") return fail(`${iterations}.`);
  const cacheIterations = count(
    "--cache-iterations",
    values.get("--cache-iterations") ?? String(quick ? QUICK.cacheIterations : DEFAULTS.cacheIterations),
  );
  if (typeof cacheIterations === "string") return fail(`${cacheIterations}.`);
  const rawSeed = values.get("--seed") ?? String(DEFAULTS.seed);
  const seed = Number(rawSeed);
  if (!/^-?\d+$/.test(rawSeed) || !Number.isSafeInteger(seed)) {
    return fail(
      `--seed needs an integer between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got "${rawSeed}".`,
    );
  }
  const outDir = values.get("--out") ?? DEFAULTS.outDir;
  return { kind: "run", options: { mode, iterations, cacheIterations, seed, outDir, quick } };
}
