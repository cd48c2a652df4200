/**
 * Where the lead wants to buy or owns: "in Austin", "near downtown Denver", "Rancho Cucamonga area",
 * "en San Antonio", "zip 78704". Capitalised words after a place word ("in", "near", "around", "moving
 * to", "en") are read as a place name; messages typed in one case fall back to a list of known places.
 */
import { KNOWN_PLACES } from "./known-places.ts";
import type { LeadText } from "./lead-text.ts";

/** The places one message names, and whether they add to earlier ones ("also open to Round Rock"). */
export interface PlaceReading {
  places: string[];
  adds: boolean;
}

const NAME_WORD = String.raw`(?:(?:St|Mt|Ft)\.|(?!(?:I|I'm|ASAP|FHA|VA|HOA|ADU|MLS)\b)[\p{Lu}\p{Lo}][\p{L}\p{M}'-]*)`;
const JOINER = "(?:de|del|la|las|los|el|of|on|d')";
const QUARTER = String.raw`(?:(?:downtown|uptown|midtown|north|south|east|west|northwest|northeast|southwest|southeast|central|greater|old|inner|suburbs of|outside(?: of)?)\s+)`;
const PLACE = String.raw`(?:the\s+)?(${QUARTER}?${NAME_WORD}(?:\s+(?:${JOINER}\s+)?${NAME_WORD}){0,3}(?:,\s*[A-Z]{2}\b)?)`;
const LEAD_IN = String.raw`(?:\b(?:[Ii]n|[Nn]ear|[Aa]round|[Cc]lose to|[Oo]utside(?: of)?|[Mm]oving to|[Mm]ove to|[Rr]elocating to|[Tt]ransferr?(?:ed|ing) to|[Ee]n|[Cc]erca de|[Ff]ocused on|[Ll]ooking at|[Ii]nterested in|[Oo]pen to)\s+)`;
const AFTER_LEAD_IN = new RegExp(LEAD_IN + PLACE, "gu");
const ALSO_PLACE = new RegExp(String.raw`^\s+(?:or|and|/|y|o)\s+${PLACE}`, "u");
const BEFORE_AREA = new RegExp(
  String.raw`(${NAME_WORD}(?:\s+${NAME_WORD}){0,3})\s+(?:area|region|metro)\b`,
  "gu",
);
const ZIP = /(?:\b(?:zip(?: code)?|zipcode|in|near|around|area|en|código postal)\s+)(\d{5})\b(?![\d,k])/gi;

const NOT_PLACES = new Set(
  [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "fall",
    "winter",
    "monday",
    "friday",
    "i",
    "we",
    "my",
    "our",
    "asap",
    "cash",
    "fha",
    "va",
    "english",
    "spanish",
    "the",
    "a",
    "an",
    "it",
    "this",
    "that",
    "any",
    "need",
    "budget",
    "condo",
    "house",
    "home",
    "nice",
    "great",
    "good",
    "safe",
    "quiet",
    "same",
    "which",
    "what",
    "whole",
    "general",
    "metro",
    "hi",
    "hello",
    "thanks",
  ].map((w) => w.toLowerCase()),
);

function cleanPlace(raw: string): string | undefined {
  const trimmed = raw.replace(/[.,'-]+$/u, "").trim();
  const words = trimmed.split(/\s+/);
  const first = words.find(
    (w) => !/^(?:the|downtown|uptown|midtown|north|south|east|west|central|greater)$/i.test(w),
  );
  if (first === undefined || NOT_PLACES.has(first.toLowerCase())) return undefined;
  return trimmed === "Bay" ? "Bay Area" : trimmed;
}

const KNOWN_PLACE_PATTERNS = KNOWN_PLACES.map((place) => ({
  place,
  pattern: new RegExp(`(?<!\\p{L})${place.toLowerCase().replace(".", "\\.")}(?!\\p{L})`, "u"),
}));
const NAME_BEFORE = /\b(?:i'm|i am|im|name is|this is|soy)\s*$/;

// A known place right after "i'm" is more likely a person's name ("hi, i'm austin").
function knownPlacesIn(folded: string): string[] {
  return KNOWN_PLACE_PATTERNS.map(({ place, pattern }) => ({ place, at: folded.search(pattern) }))
    .filter(({ at }) => at >= 0 && !NAME_BEFORE.test(folded.slice(Math.max(0, at - 12), at)))
    .sort((a, b) => a.at - b.at)
    .map(({ place }) => place);
}

function capitalisedPlacesIn(original: string): string[] {
  const found: Array<{ place: string; at: number }> = [];
  for (const pattern of [AFTER_LEAD_IN, BEFORE_AREA]) {
    for (const m of original.matchAll(pattern)) {
      const place = cleanPlace(m[1] ?? "");
      if (place === undefined) continue;
      found.push({ place, at: m.index ?? 0 });
      // "in The Woodlands or Sugar Land": the alternatives are places too.
      let end = (m.index ?? 0) + m[0].length;
      for (
        let more = ALSO_PLACE.exec(original.slice(end));
        more !== null;
        more = ALSO_PLACE.exec(original.slice(end))
      ) {
        const also = cleanPlace(more[1] ?? "");
        if (also === undefined) break;
        found.push({ place: also, at: end });
        end += more[0].length;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.place);
}

function withoutRepeats(places: string[]): string[] {
  return places.filter((p, i) => !places.some((q, j) => j !== i && q.includes(p) && (q !== p || j < i)));
}

/** The places named in one message, in order. */
export function extractPlaces(text: LeadText): PlaceReading {
  const oneCase = text.shouting || text.original === text.original.toLowerCase();
  const capitalised = oneCase ? [] : capitalisedPlacesIn(text.original);
  const names = capitalised.length > 0 ? capitalised : knownPlacesIn(text.folded);
  const zips = [...text.original.matchAll(ZIP)].map((m) => m[1] ?? "");
  const places = withoutRepeats([...names, ...zips]);
  return { places, adds: /\b(?:also|too|as well|or even)\b/.test(text.folded) };
}
