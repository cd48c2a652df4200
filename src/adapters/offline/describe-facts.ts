/** Short phrases for facts, shared by the summary and the bots' replies so both word things alike. */
import type { Financing, PropertyCondition, Qualification, Timeline } from "../../ports/qualification.ts";

/** "$450k", "$1.2M", "$985". */
export function formatDollars(amount: number): string {
  if (amount >= 1_000_000) return `$${Number((amount / 1_000_000).toFixed(2))}M`;
  if (amount >= 1_000) return `$${Number((amount / 1_000).toFixed(1))}k`;
  return `$${amount}`;
}

/** "$400k–$500k", "up to $450k", "from $300k"; undefined with no budget. */
export function describeBudget(q: Pick<Qualification, "budgetMin" | "budgetMax">): string | undefined {
  const { budgetMin: min, budgetMax: max } = q;
  if (min !== undefined && max !== undefined) {
    return min === max ? formatDollars(max) : `${formatDollars(min)}–${formatDollars(max)}`;
  }
  if (max !== undefined) return `up to ${formatDollars(max)}`;
  if (min !== undefined) return `from ${formatDollars(min)}`;
  return undefined;
}

const TIMELINES: Readonly<Record<Timeline, string | undefined>> = {
  "0-3m": "within 3 months",
  "3-6m": "in 3–6 months",
  "6m+": "in 6+ months",
  unknown: undefined,
};

/** "within 3 months", "in 3–6 months", "in 6+ months". */
export function describeTimeline(timeline: Timeline): string | undefined {
  return TIMELINES[timeline];
}

const FINANCING: Readonly<Record<Financing, string | undefined>> = {
  pre_approved: "pre-approved",
  pre_qualified: "pre-qualified",
  cash: "paying cash",
  not_started: "not yet talked to a lender",
  unknown: undefined,
};

/** "pre-approved", "paying cash"... */
export function describeFinancing(financing: Financing): string | undefined {
  return FINANCING[financing];
}

const CONDITIONS: Readonly<Record<PropertyCondition, string | undefined>> = {
  excellent: "in excellent condition",
  good: "in good condition",
  fair: "needing some updates",
  needs_work: "needing work",
  unknown: undefined,
};

/** "in good condition", "needing work"... */
export function describeCondition(condition: PropertyCondition | undefined): string | undefined {
  return condition === undefined ? undefined : CONDITIONS[condition];
}

/** "3-bedroom condo", "condo", "3-bedroom home"; undefined when neither is known. */
export function describeHome(q: Pick<Qualification, "propertyType" | "bedrooms">): string | undefined {
  const beds = q.bedrooms === undefined ? undefined : q.bedrooms === 0 ? "studio" : `${q.bedrooms}-bedroom`;
  const type = q.propertyType === "single-family" ? "single-family home" : q.propertyType;
  if (beds !== undefined && type !== undefined) return `${beds} ${type}`;
  if (beds !== undefined) return `${beds} home`;
  return type;
}

/** The phrase with "a" or "an" before it; "land" takes none. */
export function withArticle(phrase: string): string {
  if (phrase === "land") return phrase;
  return `${/^[aeiou8]/i.test(phrase) ? "an" : "a"} ${phrase}`;
}
