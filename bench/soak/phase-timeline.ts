/**
 * The soak's timeline: a warm-up, then the measured run split into "before", "during" and "after" the
 * Redis cut. Each response is filed under the phase in which it completed, so throughput and tail
 * latency can be compared across the outage.
 */
import { summarize } from "../../src/domain/percentiles.ts";

/** The three measured phases, in order. */
export const PHASES = ["before", "during", "after"] as const;
export type PhaseName = (typeof PHASES)[number];

/** When the cut starts and ends, in ms from the start of the measured run. */
export interface CutWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** One completed request: when it ended (ms from the start of the measured run), its latency and status. */
export interface RequestSample {
  readonly atMs: number;
  readonly latencyMs: number;
  /** HTTP status, or 0 when no response came (connection error, timeout). */
  readonly status: number;
}

/** What one phase measured. */
export interface PhaseStats {
  readonly phase: PhaseName;
  readonly durationMs: number;
  readonly requests: number;
  /** Responses outside 2xx plus requests with no response. */
  readonly errors: number;
  readonly throughputRps: number;
  /** null when the phase saw no response. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/** The cut centred in a run of `runMs`, lasting `cutMs` (validated: 0 < cutMs < runMs). */
export function centredCut(runMs: number, cutMs: number): CutWindow {
  if (!(runMs > 0 && cutMs > 0 && cutMs < runMs))
    throw new TypeError(`need 0 < cut (${cutMs} ms) < run (${runMs} ms)`);
  const startMs = Math.round((runMs - cutMs) / 2);
  return { startMs, endMs: startMs + cutMs };
}

/** The phase a moment of the measured run belongs to. */
export function phaseAt(atMs: number, cut: CutWindow): PhaseName {
  if (atMs < cut.startMs) return "before";
  return atMs < cut.endMs ? "during" : "after";
}

/** Per-phase counts, throughput and latency of `samples` over a run of `runMs` cut at `cut`. */
export function phaseStats(samples: readonly RequestSample[], cut: CutWindow, runMs: number): PhaseStats[] {
  const bounds: Record<PhaseName, [number, number]> = {
    before: [0, cut.startMs],
    during: [cut.startMs, cut.endMs],
    after: [cut.endMs, Math.max(runMs, cut.endMs)],
  };
  return PHASES.map((phase) => {
    const mine = samples.filter((s) => phaseAt(s.atMs, cut) === phase);
    const [from, to] = bounds[phase];
    const durationMs = to - from;
    const answered = mine.filter((s) => s.status !== 0).map((s) => s.latencyMs);
    const latency = answered.length > 0 ? summarize(answered) : undefined;
    return {
      phase,
      durationMs,
      requests: mine.length,
      errors: mine.filter((s) => !isSuccess(s.status)).length,
      throughputRps: durationMs > 0 ? (mine.length * 1000) / durationMs : 0,
      p50Ms: latency?.p50 ?? null,
      p99Ms: latency?.p99 ?? null,
    };
  });
}

/** The whole run's figures. */
export interface OverallStats {
  readonly requests: number;
  readonly errors: number;
  readonly throughputRps: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
}

/** Counts, throughput over `durationMs` and latency of every sample of the run. */
export function overallStats(samples: readonly RequestSample[], durationMs: number): OverallStats {
  const answered = samples.filter((s) => s.status !== 0).map((s) => s.latencyMs);
  const latency = answered.length > 0 ? summarize(answered) : undefined;
  return {
    requests: samples.length,
    errors: samples.filter((s) => !isSuccess(s.status)).length,
    throughputRps: durationMs > 0 ? (samples.length * 1000) / durationMs : 0,
    p50Ms: latency?.p50 ?? null,
    p99Ms: latency?.p99 ?? null,
    maxMs: latency?.max ?? null,
  };
}

/** Responses by status ("0" = no response). */
export function countStatuses(samples: readonly RequestSample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) out[s.status] = (out[s.status] ?? 0) + 1;
  return out;
}

/** True for a 2xx status. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
