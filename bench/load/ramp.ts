/**
 * The user ramp of the report's section 7.1: the same target driven at 10, 25, 50, 100 and 200
 * concurrent connections, one bounded run per step, one row per step. Several targets (the service
 * and its peers) are ramped step by step in turn, so a noisy neighbour on this shared machine hits
 * every target at about the same time instead of spoiling one target's whole ramp.
 */
import { type LatencyQuantiles, type LoadOptions, type LoadResult, runLoad } from "./autocannon-run.ts";

/** What to load: a run's options without its concurrency and limits. */
export type LoadTarget = Omit<LoadOptions, "connections" | "amount" | "durationSec">;

/** The bounds of one step: at most `amount` requests and `maxSec` seconds. */
export interface StepLimits {
  readonly amount: number;
  readonly maxSec: number;
}

/** One row of the ramp table. */
export interface RampRow {
  /** Concurrent connections ("users"). */
  readonly users: number;
  readonly requests: number;
  readonly throughputRps: number;
  /** Null when no response arrived. */
  readonly latency: LatencyQuantiles | null;
  /** (non-2xx + connection errors) / (responses + connection errors). */
  readonly errorRate: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly durationMs: number;
  readonly stoppedBy: LoadResult["stoppedBy"];
}

/** The report's steps. */
export const RAMP_STEPS: readonly number[] = Object.freeze([10, 25, 50, 100, 200]);
/** Per-step bounds of a full run: 5 steps x 3 targets stay well inside the 5-minute budget. */
export const FULL_STEP: StepLimits = Object.freeze({ amount: 20_000, maxSec: 6 });
/** Per-step bounds of `--quick` (CI): a couple of seconds per target at most. */
export const QUICK_STEP: StepLimits = Object.freeze({ amount: 3_000, maxSec: 2 });

/** The per-step bounds for a full or a `--quick` run. */
export function rampLimits(quick: boolean): StepLimits {
  return quick ? QUICK_STEP : FULL_STEP;
}

export interface RampOptions {
  /** A run before the first step, not reported, so the JIT and connection pools are warm; null: none. */
  readonly warmup?: StepLimits | null;
  /** Told about each row as soon as it is measured (progress output). */
  readonly onStep?: (target: string, row: RampRow) => void;
}

/** Ramps one target through `steps`; one row per step. */
export async function runRamp(
  target: LoadTarget,
  steps: readonly number[] = RAMP_STEPS,
  perStep: StepLimits = FULL_STEP,
  options: RampOptions = {},
): Promise<RampRow[]> {
  const rows = await runRampComparison({ target }, steps, perStep, options);
  return rows.target ?? [];
}

/**
 * Ramps several targets, interleaved: step 1 on each target, then step 2 on each, and so on, with the
 * order rotated every step so no target always runs first. Rows are returned per target name.
 */
export async function runRampComparison(
  targets: Readonly<Record<string, LoadTarget>>,
  steps: readonly number[] = RAMP_STEPS,
  perStep: StepLimits = FULL_STEP,
  options: RampOptions = {},
): Promise<Record<string, RampRow[]>> {
  if (steps.length === 0) throw new TypeError("a ramp needs at least one step");
  const names = Object.keys(targets);
  const rows: Record<string, RampRow[]> = Object.fromEntries(names.map((n) => [n, []]));
  const warmup = options.warmup === undefined ? defaultWarmup(perStep) : options.warmup;
  if (warmup) for (const name of names) await runStep(targets[name]!, steps[0]!, warmup);
  for (const [s, users] of steps.entries()) {
    for (const name of rotate(names, s)) {
      const row = await runStep(targets[name]!, users, perStep);
      rows[name]!.push(row);
      options.onStep?.(name, row);
    }
  }
  return rows;
}

/** One step: at least one request per connection, so autocannon gives every connection work. */
async function runStep(target: LoadTarget, users: number, limits: StepLimits): Promise<RampRow> {
  const amount = Math.max(limits.amount, users);
  return toRampRow(
    users,
    await runLoad({ ...target, connections: users, amount, durationSec: limits.maxSec }),
  );
}

/** A ramp row from one run's result. */
export function toRampRow(users: number, result: LoadResult): RampRow {
  const attempted = result.requests + result.errors;
  const failed = result.non2xx + result.errors;
  return {
    users,
    requests: result.requests,
    throughputRps: result.throughputRps,
    latency: result.latency,
    // Nothing attempted within the limits is a failure, not a perfect score.
    errorRate: attempted === 0 ? 1 : failed / attempted,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCounts: result.statusCounts,
    durationMs: result.durationMs,
    stoppedBy: result.stoppedBy,
  };
}

function defaultWarmup(perStep: StepLimits): StepLimits {
  return { amount: Math.min(2_000, perStep.amount), maxSec: Math.min(2, perStep.maxSec) };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
