/**
 * Side-by-side figures: ours against a peer measured in the same run, as ratios. Absolute speeds on
 * this shared 2-core machine swing from run to run; the ratio of two things measured together holds.
 * Every ratio is ours ÷ peer: for a latency, above 1 means ours is slower; for a throughput, below 1.
 */
import type { LatencySummary } from "../../src/domain/percentiles.ts";
import type { RampRow } from "./ramp.ts";

/** Ours against a peer on one operation, latency summaries in `unit`. */
export interface PeerComparison {
  /** The operation, e.g. "L1 get (hit)". */
  readonly operation: string;
  readonly oursLabel: string;
  readonly peerLabel: string;
  readonly unit: "µs" | "ms";
  readonly ours: LatencySummary;
  readonly peer: LatencySummary;
  /** ours ÷ peer per quantile; null where the peer's figure is 0. */
  readonly ratio: { readonly p50: number | null; readonly p99: number | null };
}

/** Ours against a peer at one ramp step. */
export interface RampRatio {
  readonly users: number;
  /** ours ÷ peer throughput (below 1: ours serves fewer requests per second). */
  readonly throughput: number | null;
  /** ours ÷ peer latency (above 1: ours is slower). */
  readonly p50: number | null;
  readonly p99: number | null;
}

/** `ours / peer`, or null when the peer's figure is 0 or either is not a finite number. */
export function ratio(ours: number, peer: number): number | null {
  if (!Number.isFinite(ours) || !Number.isFinite(peer) || peer === 0) return null;
  return ours / peer;
}

/** A PeerComparison from two latency summaries. */
export function comparison(
  operation: string,
  labels: { ours: string; peer: string },
  unit: PeerComparison["unit"],
  ours: LatencySummary,
  peer: LatencySummary,
): PeerComparison {
  return {
    operation,
    oursLabel: labels.ours,
    peerLabel: labels.peer,
    unit,
    ours,
    peer,
    ratio: { p50: ratio(ours.p50, peer.p50), p99: ratio(ours.p99, peer.p99) },
  };
}

/** Step-by-step ratios of two ramps over the same steps (steps only one of them ran are left out). */
export function rampRatios(ours: readonly RampRow[], peer: readonly RampRow[]): RampRatio[] {
  return ours.flatMap((row) => {
    const other = peer.find((p) => p.users === row.users);
    if (!other) return [];
    const latency = (pick: (l: NonNullable<RampRow["latency"]>) => number) =>
      row.latency && other.latency ? ratio(pick(row.latency), pick(other.latency)) : null;
    return [
      {
        users: row.users,
        throughput: ratio(row.throughputRps, other.throughputRps),
        p50: latency((l) => l.p50),
        p99: latency((l) => l.p99),
      },
    ];
  });
}
