/**
 * Why the lead is moving. Several reasons may apply ("retiring and downsizing"); they are listed in the
 * order the lead gave them. A seller's reason is the same list without buyer-only reasons.
 */

const REASONS: ReadonlyArray<[string, RegExp]> = [
  [
    "job transfer",
    /\b(?:job transfer|transferr?(?:ed|ing)|relocat\w* for (?:work|my job|a job|his job|her job)|new job|job offer|for (?:my|his|her|our|my husband's|my wife's|my partner's) (?:new )?job|starting a (?:new )?job|company is (?:moving|relocating) us)\b/,
  ],
  [
    "relocation",
    /\b(?:relocat\w*|moving (?:out of|across) (?:state|the country)|moving (?:to|out of) (?:another|a different) (?:state|city))\b/,
  ],
  [
    "growing family",
    /\b(?:growing family|family is growing|(?:baby|twins) on the way|expecting (?:a|our)|new baby|outgr[eo]wn|outgrowing|more room for (?:the )?kids)\b/,
  ],
  [
    "downsizing",
    /\b(?:downsiz\w*|empty[- ]nest\w*|kids (?:have )?(?:moved|grown) out|too (?:big|much house|much space))\b/,
  ],
  ["divorce", /\b(?:divorc\w*|separated|separating|separation)\b/],
  ["inherited property", /\b(?:inherit\w*|passed away|probate|estate sale)\b/],
  ["retirement", /\bretir(?:e|ed|ing|ement)\b/],
  [
    "investment",
    /\b(?:invest(?:ment|or|ing)|rental (?:property|income)|cash flow|airbnb|flip(?:ping)?|house hack(?:ing)?)\b/,
  ],
  [
    "first home",
    /\b(?:first[- ]time (?:home ?)?buyers?|first (?:home|house)|tired of renting|stop renting|done renting)\b/,
  ],
  ["more space", /\b(?:need (?:more|extra) (?:space|room)|bigger (?:home|house|place)|upsiz\w*)\b/],
  [
    "financial hardship",
    /\b(?:foreclos\w*|behind on (?:payments|the mortgage)|can't afford|cannot afford|medical bills|lost (?:my|his|her) job)\b/,
  ],
  ["done being a landlord", /\b(?:tired of being a landlord|bad tenants|done being a landlord)\b/],
];

const BUYER_ONLY = new Set(["first home"]);

/** The motivations one message gives, in the order given. */
export function extractMotivations(folded: string): string[] {
  const found = REASONS.map(([label, pattern]) => ({ label, at: folded.search(pattern) })).filter(
    (r) => r.at >= 0,
  );
  const labels = found.sort((a, b) => a.at - b.at).map((r) => r.label);
  // A job transfer is a relocation; saying both adds nothing.
  return labels.includes("job transfer") ? labels.filter((l) => l !== "relocation") : labels;
}

/** The reasons that explain a sale. */
export function sellerReasonsOf(motivations: readonly string[]): string[] {
  return motivations.filter((m) => !BUYER_ONLY.has(m));
}
