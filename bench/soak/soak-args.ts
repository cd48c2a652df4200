/**
 * `npm run bench:soak -- [--seconds N] [--cut-seconds N] [--connections N] [--warmup-seconds N] [--json]`.
 * Bad input is an expected outcome: a typed result with a message for the person who typed it.
 */
import { parseArgs } from "node:util";

/** What a soak run was asked to do. */
export interface SoakArgs {
  readonly seconds: number;
  readonly cutSeconds: number;
  readonly connections: number;
  readonly warmupSeconds: number;
  /** Print the result as JSON too. */
  readonly json: boolean;
}

export type ParsedSoakArgs =
  | { readonly kind: "run"; readonly args: SoakArgs }
  | { readonly kind: "help"; readonly text: string }
  | { readonly kind: "error"; readonly message: string };

/** The soak: 2 minutes at 100 connections, Redis cut for 20 s in the middle. */
export const SOAK_DEFAULTS: SoakArgs = {
  seconds: 120,
  cutSeconds: 20,
  connections: 100,
  warmupSeconds: 5,
  json: false,
};

/** The soak is bounded: no run longer than this. */
export const MAX_SOAK_SECONDS = 600;

export const SOAK_USAGE = `Usage: npm run bench:soak -- [options]

  --seconds N          measured run, in seconds (default ${SOAK_DEFAULTS.seconds}, at most ${MAX_SOAK_SECONDS})
  --cut-seconds N      Redis cut in the middle of the run (default ${SOAK_DEFAULTS.cutSeconds}; less than --seconds)
  --connections N      concurrent keep-alive connections (default ${SOAK_DEFAULTS.connections})
  --warmup-seconds N   load before the measured run, not counted (default ${SOAK_DEFAULTS.warmupSeconds})
  --json               also print the result as JSON
  --help               this text`;

const fail = (message: string): ParsedSoakArgs => ({ kind: "error", message: `${message}\n\n${SOAK_USAGE}` });

function whole(flag: string, raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return `${flag} needs a whole number, got "${raw}"`;
  const n = Number(raw);
  return n < min || n > max ? `${flag} must be between ${min} and ${max}, got ${raw}` : n;
}

/** Parses the command line (without node and the script). */
export function parseSoakArgs(argv: readonly string[]): ParsedSoakArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        seconds: { type: "string" },
        "cut-seconds": { type: "string" },
        connections: { type: "string" },
        "warmup-seconds": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (err) {
    return fail((err as Error).message);
  }
  if (values.help) return { kind: "help", text: SOAK_USAGE };
  const str = (k: string) => values[k] as string | undefined;
  const seconds = whole("--seconds", str("seconds"), SOAK_DEFAULTS.seconds, 2, MAX_SOAK_SECONDS);
  if (typeof seconds === "string") return fail(seconds);
  const cutDefault = Math.min(SOAK_DEFAULTS.cutSeconds, Math.max(1, Math.floor(seconds / 3)));
  const cutSeconds = whole("--cut-seconds", str("cut-seconds"), cutDefault, 1, seconds - 1);
  if (typeof cutSeconds === "string") return fail(cutSeconds);
  const connections = whole("--connections", str("connections"), SOAK_DEFAULTS.connections, 1, 10_000);
  if (typeof connections === "string") return fail(connections);
  const warmupSeconds = whole("--warmup-seconds", str("warmup-seconds"), SOAK_DEFAULTS.warmupSeconds, 0, 60);
  if (typeof warmupSeconds === "string") return fail(warmupSeconds);
  return {
    kind: "run",
    args: { seconds, cutSeconds, connections, warmupSeconds, json: values.json === true },
  };
}
