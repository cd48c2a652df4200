/**
 * The kind of home and how many bedrooms. A lead may name two homes ("sell our condo, buy a house"):
 * a home after "my / our / the" is one they own, after "a / for / want / buy" one they want, and the
 * intent says which one the qualification is about (buyers: wanted first; sellers: owned first).
 */
import type { Intent } from "../../ports/qualification.ts";
import { isDenied } from "./negation.ts";

const TYPES: ReadonlyArray<[string, RegExp]> = [
  [
    "multi-family",
    /\b(?:multi-? ?family|multifamily|duplex|triplex|fourplex|quadplex|[2-4]-?plex|[2-4]-unit|multi-?unit)\b/g,
  ],
  ["townhouse", /\b(?:town ?(?:house|home)s?|row ?houses?)\b/g],
  ["condo", /\b(?:condo(?:minium)?s?|condo's|apartments?|departamento|loft)\b/g],
  ["mobile home", /\b(?:mobile homes?|manufactured homes?|trailer|double-?wide|single-?wide)\b/g],
  ["land", /\b(?:(?<!sugar )land|vacant lot|empty lot|buildable lot|lot to build|acreage|terreno)\b/g],
  [
    "single-family",
    /\b(?:single-? ?family|sfh|detached (?:home|house)|house|houses|casa|ranch-style|bungalow)\b(?! (?:hunting|hack|hacking))/g,
  ],
];

const OWNED_BEFORE =
  /\b(?:my|our|his|her|their|mom's|dad's|parents'?|current|inherited|the)\s+(?:\S+\s+){0,2}$/;
const WANTED_BEFORE = /\b(?:a|an|some|for|want|need|buy|buying|purchase|de)\s+(?:\S+\s+){0,2}$/;

type Claim = "owned" | "wanted" | "neutral";

interface Mention {
  type: string;
  claim: Claim;
  at: number;
}

function claimOf(text: string): Claim {
  const before = text.split(/[.!?;,]/).pop() ?? "";
  if (OWNED_BEFORE.test(before)) return "owned";
  return WANTED_BEFORE.test(before) ? "wanted" : "neutral";
}

function mentionsIn(folded: string): Mention[] {
  return TYPES.flatMap(([type, pattern]) =>
    [...folded.matchAll(pattern)]
      .filter((m) => !isDenied(folded, m.index ?? 0, 2))
      .map((m) => {
        const at = m.index ?? 0;
        return { type, claim: claimOf(folded.slice(Math.max(0, at - 30), at)), at };
      }),
  );
}

/** The property type one message is about (for this intent), or undefined. */
export function extractPropertyType(folded: string, intent: Intent): string | undefined {
  const all = mentionsIn(folded);
  const order: Claim[] = intent === "sell" ? ["owned", "neutral", "wanted"] : ["wanted", "neutral", "owned"];
  const pool =
    order.map((claim) => all.filter((m) => m.claim === claim)).find((tier) => tier.length > 0) ?? [];
  // "a house, ideally a townhouse": the specific word says more than "house".
  const specific = pool.filter((m) => m.type !== "single-family");
  return (specific.length > 0 ? specific : pool).sort((a, b) => a.at - b.at)[0]?.type;
}

const BEDROOM_WORD = "(?:bed(?:room)?s?|br|bd|bdrms?|bdr|rec[aá]maras?|habitaciones|cuartos|dormitorios)";
const BEDROOMS = new RegExp(
  String.raw`\b(\d{1,2})(?:\s*(?:-|to|or)\s*\d{1,2})?\s*\+?\s*-?\s*${BEDROOM_WORD}(?![\p{L}])`,
  "u",
);
const BEDS_BATHS = /(?<![\d/])(\d)\s*\/\s*(?:[1-5](?:\.5)?)(?![\d/])/;

/** The bedroom count one message asks for or describes (the lower end of "3-4 bedrooms"), or undefined. */
export function extractBedrooms(folded: string): number | undefined {
  const m = BEDROOMS.exec(folded) ?? BEDS_BATHS.exec(folded);
  if (m === null) return /\bstudio\b/.test(folded) ? 0 : undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : undefined;
}
