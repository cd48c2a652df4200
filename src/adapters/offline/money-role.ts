/**
 * What an amount of money is for, read from the words nearest to it: the buyer's budget, the seller's
 * price, what is still owed on the mortgage, something else (income, rent, down payment), or a
 * correction of the amount given just before ("actually make that 500k").
 */
import type { MoneyMention } from "./money-mentions.ts";

/** What an amount is for; "refine" means "the same thing as the amount before". */
export type MoneyRole = "budget" | "price" | "balance" | "other" | "refine";

const HOME = "(?:home|house|condo|place|property|townhouse|townhome|duplex)";

// Earlier entries win when two cues end at the same place.
const CUES_BEFORE: ReadonlyArray<[MoneyRole, RegExp]> = [
  [
    "refine",
    /\b(?:make (?:that|it)|change (?:that|it) to|actually|instead|correction|i meant|rather|(?:bump|raise|lower|update)(?:d)? (?:it|that)(?: up| down)? to)\b/g,
  ],
  ["balance", /\b(?:owe|owed|owing|balance|left on|payoff)\b/g],
  [
    "other",
    /\b(?:down payment|income|salary|(?:we|i|he|she|they|together) (?:make|makes|earn|earns)|rent|rents|hoa|taxes|deposit|savings|saved|paid|bought|equity|commission|repairs?|cost us)\b/g,
  ],
  [
    "price",
    new RegExp(
      String.raw`\b(?:(?<!fort )worth|get|getting|go for|goes for|fetch|bring in|asking|list(?:ing)?(?: it)? (?:for|at)|sells?(?: it)? for|sold for|valued|appraised|appraisal|zestimate|value|expect|expecting|priced|price it|hoping for|comps|(?:my|our|mom's|dad's|parents'?) ${HOME})\b`,
      "g",
    ),
  ],
  [
    "budget",
    new RegExp(
      String.raw`\b(?:budget|afford|spend|spending|pay|paying|price range|range|looking|search|searching|buy|buying|purchase|approved|qualified|preapproved|prequalified|pre-?approval|loan|under|up to|no more than|at most|max|maximum|(?:a|an|some|new) ${HOME}|homes|houses|condos|places|properties|something|\d+ ?(?:bed|br|bedroom)s?)\b`,
      "g",
    ),
  ],
];

const CUES_AFTER: ReadonlyArray<[MoneyRole, RegExp]> = [
  ["budget", /^\s*(?:budget|max|tops|or less|or under|range|price range)\b/],
  ["balance", /^\s*(?:left|owed|on the (?:mortgage|loan)|mortgage balance|balance)\b/],
  ["other", /^\s*(?:in equity|of equity|equity|income|salary|down payment|for (?:a |the )?down payment)\b/],
  ["price", /^\s*for (?:it|our|my|the house|the home|the condo)\b/],
];

function lastCueEnd(context: string, pattern: RegExp): number {
  let end = -1;
  for (const m of context.matchAll(pattern)) end = (m.index ?? 0) + m[0].length;
  return end;
}

/** The role the words around `mention` give it, or undefined when nothing nearby says. */
export function roleOf(mention: MoneyMention, folded: string): MoneyRole | undefined {
  const after = folded.slice(mention.end, mention.end + 30);
  const following = CUES_AFTER.find(([, pattern]) => pattern.test(after));
  if (following) return following[0];
  const sentenceStart = Math.max(
    0,
    ...[".", "!", "?", ";", "\n"].map((p) => folded.lastIndexOf(p, mention.start - 1) + 1),
  );
  const context = folded.slice(sentenceStart, mention.start);
  let best: MoneyRole | undefined;
  let bestEnd = -1;
  for (const [role, pattern] of CUES_BEFORE) {
    const end = lastCueEnd(context, pattern);
    if (end > bestEnd) {
      best = role;
      bestEnd = end;
    }
  }
  return best;
}
