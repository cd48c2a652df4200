/** Whether a seller's home is paid off or still mortgaged: the equity question of the seller bot. */

export type Equity = "paid_off" | "mortgaged";

const PAID_OFF =
  /\b(?:paid (?:it )?off|own (?:it|the (?:house|home|place)|our (?:house|home))? ?(?:outright|free and clear)|free and clear|no mortgage|mortgage[- ]free|(?:don't|dont|do not) (?:have|owe)(?: a| any)? (?:mortgage|anything)|sin hipoteca)\b/;
const MORTGAGED =
  /\b(?:owe|owed|owing|still (?:have|has|pay(?:ing)?) (?:a |the |our )?mortgage|mortgage balance|left on (?:the|our|my) (?:mortgage|loan)|remaining balance|(?:have|has) a mortgage|underwater|heloc|second mortgage)\b/;

/** The equity position one message states, or undefined. */
export function extractEquity(folded: string): Equity | undefined {
  if (PAID_OFF.test(folded)) return "paid_off";
  if (MORTGAGED.test(folded)) return "mortgaged";
  return undefined;
}
