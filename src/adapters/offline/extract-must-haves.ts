/** What a buyer will not do without: a garage, a yard, a home office... ("not picky" counts as an answer). */

const FEATURES: ReadonlyArray<[string, RegExp]> = [
  ["garage", /\bgarage\b/],
  ["yard", /\b(?:back)?yard\b|\bpatio\b/],
  ["pool", /\bpool\b/],
  ["home office", /\b(?:home )?office\b|\bwork from home\b/],
  ["basement", /\bbasement\b/],
  ["single story", /\b(?:single|1)[- ]stor(?:y|ey)\b|\bno stairs\b/],
  ["open floor plan", /\bopen (?:floor )?(?:plan|concept)\b/],
  ["updated kitchen", /\b(?:updated|modern|big|large|chef's) kitchen\b/],
  ["no HOA", /\bno hoa\b/],
  ["guest suite", /\b(?:guest (?:house|suite)|in-law (?:suite|unit)|adu|mother-in-law)\b/],
  ["accessible", /\b(?:wheelchair|accessible|accessibility)\b/],
  ["EV charging", /\b(?:ev charg\w*|electric car charg\w*)\b/],
];

const BATHS = /\b(\d(?:\.5)?)\s*(?:-|\s)?(?:bath(?:room)?s?|ba)\b|\b\d\s*\/\s*(\d(?:\.5)?)(?![\d/])/;
const NONE =
  /\b(?:no (?:real )?must[- ]?haves|nothing (?:specific|in particular|special)|not picky|open to anything|anything works)\b/;

/** The must-haves one message names; [] when it says there are none; undefined when it says nothing. */
export function extractMustHaves(folded: string): string[] | undefined {
  const found = FEATURES.filter(([, pattern]) => pattern.test(folded)).map(([label]) => label);
  const baths = BATHS.exec(folded);
  const count = baths?.[1] ?? baths?.[2];
  if (count !== undefined) found.push(`${count} bathrooms`);
  if (found.length > 0) return found;
  return NONE.test(folded) ? [] : undefined;
}
