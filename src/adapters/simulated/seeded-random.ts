import type { Random } from "../../ports/random.ts";

/**
 * A seeded, reproducible Random: the same seed gives the same sequence on every machine and run.
 *
 * Generator: **sfc32** ("Small Fast Counting", 32-bit) by Chris Doty-Humphrey, from the PractRand
 * test suite (public domain); it passes PractRand and TestU01 BigCrush. State: three 32-bit words
 * plus a counter that guarantees a period of at least 2^32 (about 2^127 on average).
 * Seeding: the 32-bit seed is expanded by **splitmix32** (the SplitMix increment by the golden ratio,
 * Steele, Lea & Flood 2014, with MurmurHash3's fmix32 finaliser), as in bryc's widely used JavaScript
 * PRNG collection; then, as PractRand does for sfc32, the first 12 outputs are discarded.
 *
 * Not for secrets: use CryptoRandom for anything an attacker must not predict.
 */
export class SeededRandom implements Random {
  /** The seed this stream was built from (for forks: the seed derived from the parent and the label). */
  readonly seed: number;
  readonly #seed32: number;
  #a: number;
  #b: number;
  #c: number;
  #counter = 1;

  /** A stream from any safe integer (negative and > 2^32 seeds are folded to 32 bits, losslessly mixed). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed))
      throw new TypeError(`SeededRandom needs a safe integer seed, got ${seed}`);
    this.seed = seed;
    this.#seed32 = ((seed >>> 0) ^ fmix32(Math.floor(seed / 2 ** 32) >>> 0)) >>> 0;
    const expand = splitmix32(this.#seed32);
    this.#a = expand();
    this.#b = expand();
    this.#c = expand();
    for (let i = 0; i < 12; i++) this.#nextUint32();
  }

  /** A float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.#nextUint32() / 2 ** 32;
  }

  /**
   * An independent stream named `label`, derived from this stream's seed only (never from how far
   * this stream has been read), so adding or reordering consumers does not shift anyone else's numbers.
   * The same seed and label always give the same fork.
   */
  fork(label: string): SeededRandom {
    // FNV-1a over the label's UTF-16 code units, with the offset basis salted by the parent seed.
    let h = (0x811c9dc5 ^ this.#seed32) >>> 0;
    for (let i = 0; i < label.length; i++) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return new SeededRandom(fmix32(h >>> 0));
  }

  #nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#counter) | 0;
    this.#counter = (this.#counter + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) + t;
    this.#c |= 0;
    return t >>> 0;
  }
}

/** MurmurHash3's 32-bit finaliser: an avalanche mix (every input bit flips about half the output bits). */
function fmix32(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** splitmix32: a generator of well-mixed 32-bit words from one 32-bit seed, used to fill sfc32's state. */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state);
  };
}
