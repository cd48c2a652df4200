/** Whether the words just before a phrase deny it: "not pre-approved", "haven't talked to a lender". */

const DENIAL =
  /\b(?:not|never|no|don't|dont|haven't|havent|hasn't|hasnt|didn't|didnt|aren't|isn't|without|n't)\b|n't\b/;

/** True when one of the few words before `index` (same clause) is a denial. */
export function isDenied(folded: string, index: number, words = 3): boolean {
  const clause =
    folded
      .slice(Math.max(0, index - 200), index)
      .split(/[,.;!?\n]|\bbut\b/)
      .pop() ?? "";
  const before = clause.trim().split(/\s+/).slice(-words).join(" ");
  return DENIAL.test(before);
}
