/**
 * Splits a reply into sentence spans that cover it exactly (each span keeps its trailing whitespace),
 * so dropping spans and concatenating the rest reproduces the kept text byte for byte. A span ends after
 * a run of terminators (. ! ? …, optionally closed by quotes or brackets) followed by whitespace, or at a
 * line break. Boundaries depend only on local context, so the spans of a text built from kept spans are
 * those same spans: the Fair Housing rewrite relies on that to stay idempotent.
 */

/** One sentence of a text: `text` starts at `start` in the original. */
export interface SentenceSpan {
  readonly start: number;
  readonly text: string;
}

const BOUNDARY = /[.!?…]+["'”’)\]]*\s+|\n\s*/gu;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/u;

/** The sentence spans of `text`, in order; their concatenation is `text`. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    spans.push({ start, text: text.slice(start, end) });
    start = end;
  }
  if (start < text.length) spans.push({ start, text: text.slice(start) });
  return spans;
}

/** True when `text` (already trimmed) ends like a finished sentence. */
export function endsWithSentenceTerminator(text: string): boolean {
  return ENDS_SENTENCE.test(text);
}
