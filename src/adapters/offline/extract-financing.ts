/**
 * How a buyer will pay: pre-approved, pre-qualified, cash, or not started with a lender.
 * When one message says several, the strongest position wins (cash > pre-approved > pre-qualified > a
 * bare "cash"),
 * and a denied phrase ("not pre-approved yet") counts as not started.
 */
import type { Financing } from "../../ports/qualification.ts";
import { isDenied } from "./negation.ts";

const POSITIVE: ReadonlyArray<[Financing, RegExp]> = [
  [
    "cash",
    /\b(?:pay(?:ing)? (?:all )?cash|cash buyers?|all[- ]cash|in cash|cash offer|with cash|cash purchase|we have (?:the )?cash|buy(?:ing)? (?:it )?(?:outright|with cash|in cash)|en efectivo|al contado)\b/g,
  ],
  [
    "pre_approved",
    /\b(?:pre-? ?approved|preapproved|pre-? ?approval|approved for (?:a |the )?(?:loan|mortgage|\$?\d)|have (?:an? )?approval(?: letter)?|pre-?aprobados?|preaprobados?)\b/g,
  ],
  ["pre_qualified", /\b(?:pre-? ?qualified|prequalified|pre-?qual|pre-? ?qualification|prequalification)\b/g],
  // A bare "cash" ("fixer-upper, cash, under 200k") says less than the phrases above, so it comes last.
  ["cash", /\bcash\b(?![- ](?:flow|out|back|offers?|saved|reserves?|to put down|for (?:a |the )?down))/g],
];

const NOT_STARTED =
  /\b(?:(?:haven't|havent|have not|not yet|didn't|didnt|never)(?: \S+){0,2} (?:talked|spoken|spoke|talk|contacted|reached out|gone|been|met)(?: \S+){0,2} (?:to|with) (?:a |an |any )?(?:lender|bank|loan officer|mortgage (?:broker|lender))|need (?:a|to find a|to get a) (?:lender|mortgage|loan|pre-? ?approval)|no (?:lender|financing|pre-? ?approval)(?: yet)?|(?:haven't|havent|have not|not) (?:started|looked into|figured out|sorted out)(?: \S+){0,2} (?:financing|mortgage|loan|lender)|need (?:help with )?financing|(?:don't|dont|do not) have (?:a |an )?(?:lender|loan officer|pre-? ?approval)|still need to get pre-? ?approved)\b/;

/** The financing one message states, or undefined when it says nothing about it. */
export function extractFinancing(folded: string): Financing | undefined {
  let denied = false;
  for (const [financing, pattern] of POSITIVE) {
    for (const m of folded.matchAll(pattern)) {
      if (!isDenied(folded, m.index ?? 0)) return financing;
      denied = true;
    }
  }
  return denied || NOT_STARTED.test(folded) ? "not_started" : undefined;
}
