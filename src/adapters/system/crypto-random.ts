import { randomFillSync } from "node:crypto";
import type { Random } from "../../ports/random.ts";

const POOL_WORDS = 1024;
const TWO_POW_26 = 2 ** 26;
const TWO_POW_53 = 2 ** 53;

/**
 * Uniform floats from the operating system's CSPRNG (node:crypto). Unpredictable and unseedable:
 * production's Random (jitter, sampling). Bytes are drawn 4 KiB at a time because one
 * `randomFillSync` per call would cost a system call per number.
 */
export class CryptoRandom implements Random {
  readonly #pool = new Uint32Array(POOL_WORDS);
  #next = POOL_WORDS;

  /** A float in [0, 1) with the full 53 bits of a double's mantissa. */
  next(): number {
    const hi = this.#word() >>> 5; // 27 bits
    const lo = this.#word() >>> 6; // 26 bits
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  #word(): number {
    if (this.#next === POOL_WORDS) {
      randomFillSync(this.#pool);
      this.#next = 0;
    }
    return this.#pool[this.#next++]!;
  }
}
