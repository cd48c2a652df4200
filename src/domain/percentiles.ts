/**
 * Percentile math, the report's method: linear interpolation between closest ranks on the sorted
 * samples (numpy's default "linear"): rank = p/100 * (n - 1). The interpolation step mirrors numpy's
 * `_lerp` so results match numpy to the last bit, which lets benchmark reports be compared byte for byte.
 *
 * Bad input (no samples, a NaN or infinite sample, p outside [0, 100]) is a caller bug, so it throws a
 * `PercentileError`; a percentile is never NaN.
 */

export type PercentileErrorCode = "empty_samples" | "non_finite_sample" | "p_out_of_range";

/** Thrown for input no percentile can be computed from; `code` is stable. */
export class PercentileError extends Error {
  readonly code: PercentileErrorCode;
  constructor(code: PercentileErrorCode, message: string) {
    super(message);
    this.name = "PercentileError";
    this.code = code;
  }
}

/** The summary a benchmark reports for one latency series. */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** The `p`-th percentile (0..100) of `samples`, interpolated linearly between closest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(sortedCopy(samples), p);
}

/** {count, min, max, mean, p50, p95, p99} of `samples`, sorting them once. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = sortedCopy(samples);
  const count = sorted.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  return {
    count,
    min: sorted[0]!,
    max: sorted[count - 1]!,
    // Rounding can push a float mean a hair outside [min, max]; the true mean never is.
    mean: Math.min(sorted[count - 1]!, Math.max(sorted[0]!, sum / count)),
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
  };
}

/** The `p`-th percentile of samples already sorted ascending (not re-checked: the caller sorted them). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new PercentileError("empty_samples", "percentile of no samples");
  if (!(p >= 0 && p <= 100)) throw new PercentileError("p_out_of_range", `p must be in [0, 100], got ${p}`);
  const last = sorted.length - 1;
  const rank = last * (p / 100);
  const below = Math.floor(rank);
  if (below >= last) return sorted[last]!;
  // At an integer rank the sample itself, exactly (interpolating by 0 would turn -0 into 0).
  if (rank === below) return sorted[below]!;
  return lerp(sorted[below]!, sorted[below + 1]!, rank - below);
}

// numpy's _lerp: interpolate from the nearer end, so t = 1 gives b exactly and rounding matches numpy.
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  if (!Number.isFinite(diff)) return a * (1 - t) + b * t; // a and b of opposite sign near the float limit
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

// A Float64Array sorts numerically in native code, much faster than Array#sort with a comparator.
function sortedCopy(samples: readonly number[]): Float64Array {
  if (samples.length === 0) throw new PercentileError("empty_samples", "percentile of no samples");
  const copy = new Float64Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    if (!Number.isFinite(x)) throw new PercentileError("non_finite_sample", `sample ${i} is ${x}`);
    copy[i] = x;
  }
  return copy.sort();
}
