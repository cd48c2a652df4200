/**
 * TCPA / CAN-SPAM opt-out detection on a lead's message. A message opts out when, once its surrounding
 * punctuation, emoji and whitespace are ignored, it is one keyword (STOP, STOPALL, UNSUBSCRIBE, CANCEL,
 * END, QUIT, OPT OUT, REVOKE, in any case), optionally with "please"/"now"/"thanks" around it, or when
 * it clearly asks to stop ("stop texting me", "remove me from your list", "don't contact me again").
 * A keyword inside an ordinary sentence is not an opt-out: "I want to cancel my showing" cancels a
 * showing, "stop by the open house" is an invitation. The FCC asks that any reasonable opt-out be
 * honoured, so the phrase list leans generous; when in doubt a human can re-engage the lead.
 */

/** Whether a lead's message opts out; `keyword` is the listed keyword it used, or the one its request means. */
export type OptOutDetection =
  | { readonly optOut: true; readonly keyword: string }
  | { readonly optOut: false };

/** The one confirmation an opted-out contact receives; `{licensee}` is the licensee's name. */
export const OPT_OUT_CONFIRMATION =
  "You're unsubscribed and won't receive more messages from {licensee}. Reply START to resubscribe.";

/** The confirmation a contact who texts START (or UNSTOP) again receives. */
export const RESUBSCRIBE_CONFIRMATION =
  "You're resubscribed to messages from {licensee}. Reply STOP at any time to unsubscribe.";

const KEYWORDS: ReadonlyMap<string, string> = new Map([
  ["stop", "STOP"],
  ["stopall", "STOPALL"],
  ["unsubscribe", "UNSUBSCRIBE"],
  ["cancel", "CANCEL"],
  ["end", "END"],
  ["quit", "QUIT"],
  ["optout", "OPT OUT"],
  ["revoke", "REVOKE"],
]);
// START and UNSTOP are the carriers' resubscribe words; "yes" is too common in a conversation to count.
const RESUBSCRIBE_KEYWORDS: ReadonlySet<string> = new Set(["start", "unstop"]);

const NON_WORD = /[^\p{L}\p{N}'\s]+/gu;
// Apostrophes count only inside a word ("don't"); quotes around one ('STOP') are punctuation.
const STRAY_APOSTROPHE = /(?<!\p{L})'|'(?!\p{L})/gu;
// "opt out", "opt-out", "optout", "stop all": the only keywords written as two words.
const SPLIT_KEYWORD = /^(?:opt|stop) ?(?:out|all)$/u;
const POLITE =
  /^(?:(?:please|pls|plz) )?(\p{L}+(?: \p{L}+)??)(?: (?:please|pls|plz|now|thanks|thank you|thx))?$/u;
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [
    /\bstop\s+(?:all\s+)?(?:texting|messaging|contacting|calling|emailing|sending|bothering|spamming|the texts|the messages)\b/u,
    "STOP",
  ],
  [
    /\bunsubscribe\s+me\b|\b(?:i want to|i'd like to|i would like to|please|let me)\s+unsubscribe\b/u,
    "UNSUBSCRIBE",
  ],
  [
    /\b(?:i want to|i'd like to|i would like to|please|let me)\s+opt[\s-]?out\b|\bopt\s+me\s+out\b/u,
    "OPT OUT",
  ],
  [
    /\b(?:remove|take)\s+me\s+(?:off|from)\s+(?:your|this|the|all)\s+(?:\w+\s+)?(?:list|lists|texts|messages|database)\b/u,
    "UNSUBSCRIBE",
  ],
  [
    /\b(?:don't|do not|dont|never)\s+(?:contact|text|message|call|email)\s+me\s+(?:again|anymore|any more|ever again)\b/u,
    "STOP",
  ],
  [/^(?:please\s+)?(?:don't|do not|dont|never)\s+(?:contact|text|message|call|email)\s+me$/u, "STOP"],
  [/\bno\s+more\s+(?:texts|messages|emails|calls)\b|\bleave\s+me\s+alone\b/u, "STOP"],
  [/\brevoke\s+(?:my\s+)?consent\b|\bcancel\s+(?:my\s+)?(?:subscription|texts|messages|alerts)\b/u, "REVOKE"],
];

/** Whether `text` (a lead's whole message) asks to stop receiving messages, and by which keyword. */
export function detectOptOut(text: string): OptOutDetection {
  const words = wordsOf(text);
  const keyword = KEYWORDS.get(compactKeyword(POLITE.exec(words)?.[1] ?? words));
  if (keyword !== undefined) return { optOut: true, keyword };
  for (const [pattern, phraseKeyword] of PHRASES) {
    if (pattern.test(words)) return { optOut: true, keyword: phraseKeyword };
  }
  return { optOut: false };
}

/** True when `text` (a lead's whole message) is START or UNSTOP, in any case, punctuation aside. */
export function isResubscribeRequest(text: string): boolean {
  return RESUBSCRIBE_KEYWORDS.has(wordsOf(text));
}

/** The opt-out confirmation naming `licenseeName`. */
export function optOutConfirmation(licenseeName: string): string {
  return OPT_OUT_CONFIRMATION.replace("{licensee}", licenseeName.trim());
}

/** The resubscribe confirmation naming `licenseeName`. */
export function resubscribeConfirmation(licenseeName: string): string {
  return RESUBSCRIBE_CONFIRMATION.replace("{licensee}", licenseeName.trim());
}

// Lower case, typographic apostrophes made plain, every other non-word character a space, collapsed.
function wordsOf(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(NON_WORD, " ")
    .replace(STRAY_APOSTROPHE, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

function compactKeyword(word: string): string {
  return SPLIT_KEYWORD.test(word) ? word.replace(/[^a-z]/gu, "") : word;
}
