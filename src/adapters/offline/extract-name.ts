/**
 * The lead's first words about themselves: "I'm José", "my name is Nguyễn Văn An", "this is Zoë",
 * "me llamo María", "my name is 王伟". Used to greet the lead; never put in the qualification.
 */
import type { LeadText } from "./lead-text.ts";

const NAME_PART = String.raw`[\p{Lu}\p{Lo}][\p{L}\p{M}'-]*`;
const INTRO = "(?:[Mm]y name(?: is|'s)|[Nn]ame's|[Ii]'m|[Ii] am|[Tt]his is|[Mm]e llamo|[Ss]oy|[Ii]t's)";
const NAMED = new RegExp(String.raw`(?<!\p{L})${INTRO}\s+(${NAME_PART}(?:\s+${NAME_PART}){0,2})`, "u");
const NAMED_SHOUTING = /\bMY NAME IS\s+(\p{L}+)/u;

// Capitalised words that follow "I'm" without being a name ("I'm Pre-approved", "I'm Looking").
const NOT_NAMES = new Set([
  "looking",
  "interested",
  "pre-approved",
  "preapproved",
  "ready",
  "just",
  "selling",
  "buying",
  "moving",
  "relocating",
  "thinking",
  "not",
  "so",
  "very",
  "currently",
  "also",
  "trying",
  "hoping",
  "planning",
  "a",
  "an",
  "the",
  "in",
  "with",
  "from",
  "still",
  "here",
  "working",
  "curious",
  "new",
  "retired",
  "retiring",
  "wondering",
  "buscando",
  "interesada",
  "interesado",
  "sure",
  "good",
  "fine",
  "back",
  "calling",
  "texting",
  "writing",
  "reaching",
  "getting",
  "going",
  "glad",
  "happy",
  "sorry",
  "excited",
]);

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The name the lead gave in one message, or undefined. */
export function extractName(text: LeadText): string | undefined {
  if (text.shouting) {
    const m = NAMED_SHOUTING.exec(text.original);
    return m?.[1] === undefined ? undefined : titleCase(m[1]);
  }
  const m = NAMED.exec(text.original);
  if (m?.[1] === undefined) return undefined;
  const words = m[1].split(/\s+/);
  // Later words may be short names that look like English ("Nguyễn Văn An"); only longer words end a name.
  const stop = words.findIndex((w, i) => NOT_NAMES.has(w.toLowerCase()) && (i === 0 || w.length > 3));
  const kept = stop === -1 ? words : words.slice(0, stop);
  return kept.length > 0 ? kept.join(" ") : undefined;
}
