/**
 * The lead's money: a buyer's budget (budgetMin / budgetMax), a seller's price expectation and what is
 * still owed on the mortgage. Reads every message in order; later amounts refine earlier ones.
 *
 * Shapes: "350-400k" → min and max; "under / up to / max 600k" → max; "at least / over 300k" → min;
 * "around / about 500k" → ±10 % (450k-550k); a plain "$450k" budget → max (a budget is a ceiling).
 */
import type { Intent } from "../../ports/qualification.ts";
import { findMoneyMentions, type MoneyMention } from "./money-mentions.ts";
import { roleOf } from "./money-role.ts";

/** What the lead said about money, in whole US dollars. */
export interface MoneyFacts {
  budgetMin?: number;
  budgetMax?: number;
  priceExpectation?: number;
  mortgageBalance?: number;
}

interface Budget {
  min?: number;
  max?: number;
}

const AT_MOST_BEFORE =
  /(?:under|up to|upto|max(?:imum)?|no more than|not more than|below|less than|at most|top out at|cap(?:ped)? at|not (?:over|above)|within)\s*(?:of\s*)?(?:about\s*|around\s*|roughly\s*)?\$?\s*$/;
const AT_LEAST_BEFORE =
  /(?:at least|over|above|more than|starting (?:at|from)|from|minimum(?: of)?|min|north of|no less than)\s*\$?\s*$/;
const ABOUT_BEFORE =
  /(?:around|about|approximately|approx\.?|roughly|close to|near|somewhere around|ballpark|~)\s*\$?\s*$/;
const AT_MOST_AFTER = /^\s*(?:max|tops|or less|or under|at most|maximum)\b/;
const AT_LEAST_AFTER = /^\s*(?:or more|plus|\+|minimum|and up)/;
const ABOUT_AFTER = /^\s*(?:-?ish|or so)\b/;

const toThousand = (n: number): number => Math.round(n / 1_000) * 1_000;

function budgetShape(m: MoneyMention, folded: string): Budget {
  if (m.isRange) return { min: m.min, max: m.max };
  const before = folded.slice(Math.max(0, m.start - 30), m.start);
  const after = folded.slice(m.end, m.end + 14);
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after)) return { max: m.max };
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) return { min: m.min };
  if (ABOUT_BEFORE.test(before) || ABOUT_AFTER.test(after)) {
    return { min: toThousand(m.min * 0.9), max: toThousand(m.max * 1.1) };
  }
  return { max: m.max };
}

/** A one-sided amount keeps the other side of the previous budget when the two still fit together. */
function refineBudget(previous: Budget, next: Budget): Budget {
  if (next.min !== undefined && next.max !== undefined) return next;
  if (next.max !== undefined) {
    const min = previous.min !== undefined && previous.min <= next.max ? previous.min : undefined;
    return min === undefined ? { max: next.max } : { min, max: next.max };
  }
  if (next.min !== undefined) {
    const max = previous.max !== undefined && previous.max >= next.min ? previous.max : undefined;
    return max === undefined ? { min: next.min } : { min: next.min, max };
  }
  return previous;
}

/** Money facts from every message; amounts with no telling words count as budget, or as price for a seller. */
export function extractMoney(foldedMessages: readonly string[], intent: Intent): MoneyFacts {
  const fallback = intent === "sell" ? "price" : "budget";
  let budget: Budget = {};
  let price: number | undefined;
  let balance: number | undefined;
  let last: "budget" | "price" | "balance" | undefined;
  for (const folded of foldedMessages) {
    for (const mention of findMoneyMentions(folded)) {
      const said = roleOf(mention, folded);
      if (said === "other") continue;
      const role = said === undefined ? fallback : said === "refine" ? (last ?? fallback) : said;
      if (role === "budget") budget = refineBudget(budget, budgetShape(mention, folded));
      else if (role === "price") price = toThousand((mention.min + mention.max) / 2);
      else balance = mention.max;
      last = role;
    }
  }
  return {
    ...(budget.min !== undefined && { budgetMin: budget.min }),
    ...(budget.max !== undefined && { budgetMax: budget.max }),
    ...(price !== undefined && { priceExpectation: price }),
    ...(balance !== undefined && { mortgageBalance: balance }),
  };
}
