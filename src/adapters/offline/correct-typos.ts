/**
 * Repairs common misspellings of the words the extractors look for ("bugdet", "preaproved", "mortage").
 * Only insertions, deletions and adjacent swaps count as typos: single-letter substitutions would turn
 * real words into keywords ("telling" → "selling", "north" → "worth"), so those go in KNOWN_MISSPELLINGS.
 */

const VOCABULARY = [
  "budget",
  "budgets",
  "approved",
  "preapproved",
  "approval",
  "qualified",
  "prequalified",
  "lender",
  "lenders",
  "mortgage",
  "financing",
  "bedroom",
  "bedrooms",
  "bathroom",
  "bathrooms",
  "condo",
  "condos",
  "condominium",
  "townhouse",
  "townhome",
  "townhomes",
  "townhouses",
  "apartment",
  "duplex",
  "relocating",
  "relocation",
  "transfer",
  "transferred",
  "divorce",
  "inherited",
  "retiring",
  "retirement",
  "downsizing",
  "investment",
  "selling",
  "buying",
  "purchase",
  "purchasing",
  "realtor",
  "realtors",
  "agent",
  "agents",
  "immediately",
  "month",
  "months",
  "week",
  "weeks",
  "year",
  "years",
  "looking",
  "house",
  "houses",
  "property",
  "properties",
  "neighborhood",
  "downtown",
  "single",
  "family",
  "interested",
  "considering",
  "thinking",
  "afford",
  "valuation",
  "garage",
  "basement",
  "fixer",
  "upper",
  "cash",
  "asap",
  "move",
  "moving",
  "between",
  "thousand",
  "million",
  "expecting",
  "growing",
  "separated",
  "passed",
  "estate",
  "rental",
] as const;

const KNOWN_MISSPELLINGS: Readonly<Record<string, string>> = {
  budjet: "budget",
  bugget: "budget",
  buget: "budget",
  budgit: "budget",
  realter: "realtor",
  realator: "realtor",
  morgage: "mortgage",
  mortgate: "mortgage",
  devorce: "divorce",
  purchace: "purchase",
  condominum: "condominium",
  apartmant: "apartment",
  preaprooved: "preapproved",
  aprooved: "approved",
  approoved: "approved",
  imediately: "immediately",
  neighbourhood: "neighborhood",
  tounhouse: "townhouse",
};

const KNOWN = new Set<string>(VOCABULARY);

/** True when `a` becomes `b` by one inserted, deleted or adjacent-swapped letter (not a substitution). */
export function isOneSlipAway(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const i = [...a].findIndex((ch, k) => ch !== b[k]);
    return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function correctWord(word: string): string {
  const known = KNOWN_MISSPELLINGS[word];
  if (known !== undefined) return known;
  if (word.length < 5 || KNOWN.has(word)) return word;
  return VOCABULARY.find((v) => isOneSlipAway(word, v)) ?? word;
}

/** Lower-case text with misspelled keywords replaced by their correct spelling. */
export function correctTypos(lowerCased: string): string {
  return lowerCased.replace(/\p{L}+/gu, correctWord);
}
