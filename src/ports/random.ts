/** A source of uniform random numbers; seedable implementations make runs reproducible. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

export const RANDOM = Symbol.for("eh.Random");
