/**
 * The tier cascade policy, pure: tiers are read in order (L1 → L2 → L3) and the first hit is the
 * source, else the origin. On a hit at tier k the tiers above k that answered "miss" are backfilled
 * with min(remaining TTL, that tier's TTL), so a backfilled copy never outlives the one it came from.
 * After an origin fetch every tier that answered "miss" is written with its own TTL. A tier that
 * errored, timed out or was skipped (circuit open) is degraded: never a hit and never written.
 *
 * Use `nextStep` incrementally (read one tier, record its outcome, ask again) so the service stops at
 * the first hit and never reads lower tiers; then `decideCascade` says what to write.
 */

/** A tier as the policy sees it. */
export interface TierSpec {
  readonly name: string;
  /** The longest a value may live in this tier, in ms (> 0). */
  readonly ttlMs: number;
}

/** What reading one tier gave: "skipped" means the tier was not read at all (its circuit is open). */
export type TierOutcome =
  | { readonly kind: "hit"; readonly remainingTtlMs: number }
  | { readonly kind: "miss" }
  | { readonly kind: "error" }
  | { readonly kind: "timeout" }
  | { readonly kind: "skipped" };

/** Where the answer comes from. */
export type CascadeSource =
  | { readonly kind: "tier"; readonly index: number; readonly name: string }
  | { readonly kind: "origin" };

/** One write the cascade asks for. */
export interface TierWrite {
  readonly index: number;
  readonly name: string;
  readonly ttlMs: number;
}

/** A tier that could not take part in this cascade. */
export interface DegradedTier {
  readonly index: number;
  readonly name: string;
  readonly kind: "error" | "timeout" | "skipped";
}

/** What to do once the cascade is over. */
export interface CascadeDecision {
  readonly source: CascadeSource;
  /** Tiers above the hit tier to copy the hit into (empty when the source is the origin). */
  readonly backfill: readonly TierWrite[];
  /** Tiers to write after an origin fetch, each with its own TTL (empty when a tier hit). */
  readonly originWrites: readonly TierWrite[];
  readonly degraded: readonly DegradedTier[];
}

/** The next thing to do: read tier `index`, or stop and apply the decision. */
export type CascadeStep =
  | { readonly kind: "read"; readonly index: number }
  | { readonly kind: "done"; readonly decision: CascadeDecision };

/** Thrown when outcomes do not fit the tiers (a caller bug); `code` is stable. */
export class TierCascadeError extends Error {
  readonly code = "invalid_outcomes";
  constructor(message: string) {
    super(message);
    this.name = "TierCascadeError";
  }
}

/** Given the outcomes so far (in tier order), read the next tier or finish. */
export function nextStep(tiers: readonly TierSpec[], outcomes: readonly TierOutcome[]): CascadeStep {
  const last = outcomes[outcomes.length - 1];
  if (last?.kind === "hit" || outcomes.length >= tiers.length) {
    return { kind: "done", decision: decideCascade(tiers, outcomes) };
  }
  return { kind: "read", index: outcomes.length };
}

/** The decision for a finished cascade: outcomes for tiers 0..k ending at the first hit, or for every tier. */
export function decideCascade(tiers: readonly TierSpec[], outcomes: readonly TierOutcome[]): CascadeDecision {
  if (outcomes.length > tiers.length) {
    throw new TierCascadeError(`${outcomes.length} outcomes for ${tiers.length} tiers`);
  }
  const hitIndex = outcomes.findIndex((o) => o.kind === "hit");
  if (hitIndex === -1 && outcomes.length < tiers.length) {
    throw new TierCascadeError(`no hit, yet only ${outcomes.length} of ${tiers.length} tiers were read`);
  }
  if (hitIndex !== -1 && hitIndex !== outcomes.length - 1) {
    throw new TierCascadeError(`tiers below the hit at ${hitIndex} were read`);
  }
  const healthy: TierWrite[] = [];
  const degraded: DegradedTier[] = [];
  const end = hitIndex === -1 ? outcomes.length : hitIndex;
  for (let index = 0; index < end; index++) {
    const { name, ttlMs } = tiers[index]!;
    const kind = outcomes[index]!.kind;
    if (kind === "miss") healthy.push({ index, name, ttlMs });
    else if (kind !== "hit") degraded.push({ index, name, kind });
  }
  const hit = outcomes[hitIndex];
  if (hit?.kind !== "hit")
    return { source: { kind: "origin" }, backfill: [], originWrites: healthy, degraded };
  const remaining = hit.remainingTtlMs;
  return {
    source: { kind: "tier", index: hitIndex, name: tiers[hitIndex]!.name },
    // A value about to expire is not worth copying up: a tier needs a TTL > 0.
    backfill: remaining > 0 ? healthy.map((w) => ({ ...w, ttlMs: Math.min(remaining, w.ttlMs) })) : [],
    originWrites: [],
    degraded,
  };
}

/** `writes` with every TTL capped at `ttlMs` (a value's own TTL); none at all when `ttlMs` <= 0. */
export function capTtl(writes: readonly TierWrite[], ttlMs: number | undefined): readonly TierWrite[] {
  if (ttlMs === undefined) return writes;
  if (!(ttlMs > 0)) return [];
  return writes.map((w) => ({ ...w, ttlMs: Math.min(ttlMs, w.ttlMs) }));
}
