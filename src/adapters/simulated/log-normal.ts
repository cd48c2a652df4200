import type { Random } from "../../ports/random.ts";

/** A log-normal latency: half the samples fall below `medianMs`; `sigma` is the spread of ln(latency). */
export interface LogNormalLatency {
  readonly medianMs: number;
  readonly sigma: number;
}

/** The standard normal's 99th percentile, Φ⁻¹(0.99). */
export const Z_99 = 2.3263478740408408;

/**
 * A standard normal sample by the Box–Muller transform (Box & Muller, 1958):
 * Z = sqrt(-2 ln U1) · cos(2π U2). It always consumes exactly two uniforms and drops the transform's
 * second (sine) sample, so the stream position after n samples is 2n: simple to reason about and to
 * reproduce, at the price of one extra uniform per sample.
 */
export function standardNormal(random: Random): number {
  const u1 = 1 - random.next(); // (0, 1]: ln(0) would be -Infinity
  const u2 = random.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * One log-normal sample: median · exp(sigma · Z), Z standard normal. The median of the distribution is
 * exactly `medianMs` and its P99 is median · exp(sigma · Z_99). Always > 0.
 */
export function logNormal(random: Random, latency: LogNormalLatency): number {
  return latency.medianMs * Math.exp(latency.sigma * standardNormal(random));
}

/**
 * The sigma that gives a log-normal with this median the given P99: ln(p99 / median) / Z_99.
 * E.g. the report's L1 cache (median 0.30 ms, P99 0.60 ms) → sigma ≈ 0.298.
 */
export function sigmaFromP99(medianMs: number, p99Ms: number): number {
  if (!(medianMs > 0) || !(p99Ms >= medianMs)) {
    throw new RangeError(`sigmaFromP99 needs 0 < median <= p99, got median ${medianMs}, p99 ${p99Ms}`);
  }
  return Math.log(p99Ms / medianMs) / Z_99;
}

/** A latency calibrated from a median and a P99, as the report publishes them. */
export function latencyFromP99(medianMs: number, p99Ms: number): LogNormalLatency {
  return { medianMs, sigma: sigmaFromP99(medianMs, p99Ms) };
}

/** Checks a latency's parameters up front, so a bad calibration fails at construction, not mid-run. */
export function assertLatency(latency: LogNormalLatency, what: string): void {
  if (!(latency.medianMs >= 0) || !Number.isFinite(latency.medianMs)) {
    throw new RangeError(`${what}: medianMs must be a finite number >= 0, got ${latency.medianMs}`);
  }
  if (!(latency.sigma >= 0) || !Number.isFinite(latency.sigma)) {
    throw new RangeError(`${what}: sigma must be a finite number >= 0, got ${latency.sigma}`);
  }
}
