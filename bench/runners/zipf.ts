import type { Random } from "../../src/ports/random.ts";

/** Draws ranks 0..n-1 with P(k) ∝ 1 / (k+1)^s (a Zipf law: a few leads asked about often, a long tail), by inverse CDF. */
export class ZipfSampler {
  readonly #cdf: Float64Array;
  constructor(
    n: number,
    s: number,
    private readonly random: Random,
  ) {
    this.#cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) this.#cdf[k] = sum += 1 / (k + 1) ** s;
    for (let k = 0; k < n; k++) this.#cdf[k]! /= sum;
  }
  /** The next rank. */
  next(): number {
    const u = this.random.next();
    let lo = 0;
    let hi = this.#cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
