/**
 * Fair Housing for outbound replies: a bot must not steer a lead by characterising who lives in an
 * area (safety, schools, families, religion, ethnicity, disability, sex, age). Flagged sentences are
 * dropped and one referral to official sources is appended; the phrase rules are in fair-housing-rules.ts.
 * Rules are matched within one sentence at a time, so dropping sentences can never join two halves into
 * a new finding: a rewritten reply always passes, and rewriting is idempotent.
 */
import { FAIR_HOUSING_RULES, type FairHousingCategory } from "./fair-housing-rules.ts";
import { endsWithSentenceTerminator, type SentenceSpan, sentenceSpans } from "./sentence-spans.ts";

export type { FairHousingCategory } from "./fair-housing-rules.ts";

/** One flagged phrase: the text as written, what it characterises, and where it starts in the reply. */
export interface FairHousingFinding {
  readonly phrase: string;
  readonly category: FairHousingCategory;
  readonly index: number;
}

/** The verdict on one reply. */
export type FairHousingCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly findings: FairHousingFinding[] };

/** The sentence that replaces steering: official sources only (GreatSchools and the like are not). */
export const FAIR_HOUSING_REFERRAL =
  "For information about schools, crime or the people in an area, please check official sources " +
  "such as the local school district, the police department's public crime data and U.S. Census Bureau data.";

/** Every Fair Housing finding in `text`, ordered by position. */
export function checkFairHousing(text: string): FairHousingCheck {
  const findings = sentenceSpans(text).flatMap(findingsIn);
  return findings.length === 0 ? { ok: true } : { ok: false, findings };
}

/**
 * `text` with every flagged sentence removed and the referral appended once (when not already there).
 * Text with no findings is returned unchanged.
 */
export function rewriteForFairHousing(text: string): string {
  const spans = sentenceSpans(text);
  const kept = spans.filter((span) => findingsIn(span).length === 0);
  if (kept.length === spans.length) return text;
  return withReferral(kept.map((span) => span.text).join(""));
}

/** `text` ending with the referral sentence: appended unless `text` already contains it. */
export function withReferral(text: string): string {
  if (text.includes(FAIR_HOUSING_REFERRAL)) return text;
  const body = text.trimEnd();
  if (body.length === 0) return FAIR_HOUSING_REFERRAL;
  // The referral must start its own sentence, or a trailing fragment could merge with it.
  return `${endsWithSentenceTerminator(body) ? body : `${body}.`} ${FAIR_HOUSING_REFERRAL}`;
}

// One pass answers "anything to flag in this sentence?"; most sentences have nothing, so the rules run
// one by one only when it says yes (a clean reply costs a few microseconds, not one scan per rule).
const ANY_RULE = new RegExp(FAIR_HOUSING_RULES.map((r) => `(?:${r.pattern.source})`).join("|"), "i");

function findingsIn(span: SentenceSpan): FairHousingFinding[] {
  if (!ANY_RULE.test(span.text)) return [];
  const found: Array<FairHousingFinding & { end: number }> = [];
  for (const { category, pattern } of FAIR_HOUSING_RULES) {
    // exec on the shared global pattern (matchAll would clone it per call); lastIndex is reset each time.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(span.text); m !== null; m = pattern.exec(span.text)) {
      const index = span.start + m.index;
      found.push({ phrase: m[0], category, index, end: index + m[0].length });
    }
  }
  // Longest first at each position, then drop a finding nested inside a kept one of the same category.
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: typeof found = [];
  for (const f of found) {
    const nested = kept.some((k) => k.category === f.category && k.index <= f.index && f.end <= k.end);
    if (!nested) kept.push(f);
  }
  return kept.map(({ phrase, category, index }) => ({ phrase, category, index }));
}
