import { correctTypos } from "./correct-typos.ts";
import { spellOutNumbers } from "./number-words.ts";

/** One lead message, prepared once for every extractor. */
export interface LeadText {
  /** Unicode, quotes, dashes and spaces normalised; casing kept (names and places need it). */
  readonly original: string;
  /** Lower-cased, typos repaired, numbers as digits: what the keyword rules read. */
  readonly folded: string;
  /** The lead typed in capitals, so capital letters say nothing about proper nouns. */
  readonly shouting: boolean;
}

/** Canonical spacing and punctuation: curly quotes, long dashes and odd spaces become plain ones. */
export function normalizeSpacing(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC\u00B4`]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

function isShouting(text: string): boolean {
  const cased = [...text].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  const upper = cased.filter((ch) => ch === ch.toUpperCase());
  return cased.length >= 8 && upper.length / cased.length > 0.7;
}

/** Prepares one raw lead message for extraction. */
export function prepareLeadText(raw: string): LeadText {
  const original = normalizeSpacing(raw);
  const folded = spellOutNumbers(correctTypos(original.toLowerCase()));
  return { original, folded, shouting: isShouting(original) };
}
