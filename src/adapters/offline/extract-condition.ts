/** The home's condition in the lead's words: "recently renovated", "move-in ready", "dated", "fixer-upper". */
import type { PropertyCondition } from "../../ports/qualification.ts";
import { isDenied } from "./negation.ts";

// Most specific first: "needs a little work" is fair before "needs work" is needs_work.
const CONDITIONS: ReadonlyArray<[PropertyCondition, RegExp]> = [
  [
    "fair",
    /\b(?:needs? (?:a (?:little|bit of)|some|minor) (?:work|tlc|updates?|updating|love)|some tlc|little tlc|dated|outdated|original (?:kitchen|bathrooms?|condition)|fair (?:condition|shape)|cosmetic(?: updates| work)?|could use (?:some )?(?:updates|updating|paint))\b/,
  ],
  [
    "needs_work",
    /\b(?:needs? (?:(?:a lot of|major|lots of|serious) )?(?:work|repairs?|tlc|renovation|rehab)|fixer[- ]?upper|fixer|handyman special|as[- ]is|major repairs?|foundation (?:issues|problems)|roof (?:leaks|is leaking)|water damage|gut (?:job|renovation)|tear[- ]down|rough (?:shape|condition)|poor condition)\b/,
  ],
  [
    "excellent",
    /\b(?:(?:recently|newly|fully|completely|just|totally) (?:renovated|remodeled|remodelled|updated|redone)|brand[- ]new|new construction|like new|mint condition|excellent (?:condition|shape)|pristine|immaculate)\b/,
  ],
  [
    "good",
    /\b(?:move[- ]in ready|turn[- ]?key|good (?:condition|shape)|great (?:condition|shape)|well[- ]maintained|well[- ]kept|updated|renovated|remodeled|no (?:major )?issues)\b/,
  ],
];

/** The condition one message describes ("not a fixer-upper" describes none), or undefined. */
export function extractCondition(folded: string): PropertyCondition | undefined {
  for (const [condition, pattern] of CONDITIONS) {
    const said = [...folded.matchAll(new RegExp(pattern.source, "g"))].some(
      (m) => !isDenied(folded, m.index ?? 0),
    );
    if (said) return condition;
  }
  return undefined;
}
