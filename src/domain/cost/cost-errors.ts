/** Exceptions of the cost calculator: each has a stable `code`. Costs are never silently $0. */

/** A model the price profile does not list: pricing it at $0 would hide real spend. */
export class UnknownModelError extends Error {
  readonly code = "unknown_model";
  override readonly name = "UnknownModelError";
  /** The model id that has no price. */
  readonly model: string;
  /** The profile that was asked. */
  readonly profile: string;
  constructor(model: string, profile: string) {
    super(`no price for model "${model}" in profile "${profile}"`);
    this.model = model;
    this.profile = profile;
  }
}

/** A count or amount the calculator cannot price exactly (negative, fractional, not finite, too large). */
export class InvalidCostInputError extends Error {
  readonly code = "invalid_cost_input";
  override readonly name = "InvalidCostInputError";
}
