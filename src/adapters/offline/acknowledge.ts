/**
 * The first sentence of a reply: a greeting on the first turn, then a short echo of what the lead's
 * last message told us, so the lead sees they were heard (and never gets asked it again).
 */
import type { ConversationView } from "./conversation-view.ts";
import {
  describeBudget,
  describeHome,
  describeTimeline,
  formatDollars,
  withArticle,
} from "./describe-facts.ts";
import type { LeadFacts } from "./lead-facts.ts";

/** The facts a reply may echo; each role lists the ones it cares about, most important first. */
export type Topic =
  | "budget"
  | "financing"
  | "location"
  | "home"
  | "mustHaves"
  | "timeline"
  | "reason"
  | "condition"
  | "price"
  | "equity";

const REASONS: Readonly<Record<string, string>> = {
  "job transfer": "the move is for a job transfer",
  relocation: "you're relocating",
  "growing family": "your family is growing",
  downsizing: "you're downsizing",
  divorce: "you're going through a divorce",
  "inherited property": "the home was inherited",
  retirement: "you're retiring",
  investment: "this is an investment",
  "first home": "this would be your first home",
  "more space": "you need more space",
  "financial hardship": "finances are part of the picture",
  "done being a landlord": "you're done being a landlord",
};

const FINANCING: Readonly<Record<string, string>> = {
  pre_approved: "you're pre-approved",
  pre_qualified: "you're pre-qualified",
  cash: "you're paying cash",
  not_started: "you haven't talked to a lender yet",
};

const CONDITIONS: Readonly<Record<string, string>> = {
  excellent: "the home is in excellent condition",
  good: "the home is in good condition",
  fair: "the home could use some updates",
  needs_work: "the home needs some work",
};

function clause(topic: Topic, facts: LeadFacts, seller: boolean): string | undefined {
  const q = facts.qualification;
  switch (topic) {
    case "budget": {
      const budget = describeBudget(q);
      return budget === undefined ? undefined : `your budget is ${budget}`;
    }
    case "financing":
      return FINANCING[q.financing];
    case "location":
      if (q.location === undefined) return undefined;
      return seller ? `the home is in ${q.location}` : `you're focused on ${q.location}`;
    case "home": {
      const home = describeHome(q);
      if (home === undefined) return undefined;
      return seller ? `it's ${withArticle(home)}` : `you'd like ${withArticle(home)}`;
    }
    case "mustHaves":
      if (facts.mustHaves === undefined) return undefined;
      return facts.mustHaves.length === 0
        ? "you're flexible on features"
        : `must-haves noted: ${facts.mustHaves.join(", ")}`;
    case "timeline": {
      const when = describeTimeline(q.timeline);
      if (when === undefined) return undefined;
      return seller ? `you'd like to sell ${when}` : `you're hoping to move ${when}`;
    }
    case "reason": {
      const first = (q.sellerReason ?? q.motivation)?.split(", ")[0];
      return first === undefined ? undefined : REASONS[first];
    }
    case "condition":
      return q.propertyCondition === undefined ? undefined : CONDITIONS[q.propertyCondition];
    case "price":
      return q.priceExpectation === undefined
        ? undefined
        : `you're hoping for about ${formatDollars(q.priceExpectation)}`;
    case "equity":
      if (facts.equity === undefined) return undefined;
      return facts.equity === "paid_off" ? "the home is paid off" : "there's still a mortgage on it";
  }
}

function joinClauses(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join("");
  return `${clauses.slice(0, -1).join(", ")} and ${clauses.at(-1)}`;
}

/** The clauses for facts the last message added or changed, at most three. */
export function newFactClauses(view: ConversationView, topics: readonly Topic[], seller: boolean): string[] {
  return topics
    .filter((t) => clause(t, view.facts, seller) !== clause(t, view.earlier, seller))
    .map((t) => clause(t, view.facts, seller))
    .filter((c): c is string => c !== undefined)
    .slice(0, 3);
}

/** One sentence: "Hi José, thanks for reaching out — your budget is up to $450k and you're pre-approved." */
export function acknowledge(view: ConversationView, clauses: readonly string[]): string {
  const name = view.facts.name;
  const newName = name === undefined || name === view.earlier.name ? "" : `, ${name}`;
  const bereaved = /\bpassed away\b/.test(view.lastLeadText);
  let opener: string;
  if (view.firstTurn) {
    const greeting = `Hi${name === undefined ? "" : ` ${name}`}, thanks for reaching out`;
    opener = bereaved ? `${greeting}, and I'm sorry for your loss` : greeting;
  } else {
    opener = bereaved
      ? `I'm sorry for your loss${newName}`
      : `${clauses.length > 0 ? "Got it" : "Thanks"}${newName}`;
  }
  const body = clauses.length > 0 ? ` — ${joinClauses(clauses)}.` : view.firstTurn && !bereaved ? "!" : ".";
  return `${opener}${body}`;
}
