/**
 * When the lead means to move: 0-3m, 3-6m or 6m+. Durations count by their far end
 * ("within 90 days" → 0-3m, "3-6 months" → 3-6m, "6 months" → 3-6m, "6-12 months" → 6m+).
 * Relative phrases: "asap", "right away", "this/next month", "a couple of weeks", "lease is up" → 0-3m;
 * "a few months", "later this year", "by/this summer" (any season) → 3-6m;
 * "in a year", "next year", "next spring", "no rush", "eventually", "someday" → 6m+.
 * Month names ("by June") and "end of the year" need today's date, so they count only when a reference
 * month is given; with one, seasons are measured from it too. A precise phrase beats a vague one.
 */
import type { Timeline } from "../../ports/qualification.ts";

/** The month (0 = January) the conversation happens in, when known. */
export type ReferenceMonth = number | undefined;

interface Reading {
  timeline: Timeline;
  precise: boolean;
  at: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME =
  "(january|february|march|april|may|june|july|august|september|sept|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";
const SEASON_START: Readonly<Record<string, number>> = {
  spring: 2,
  summer: 5,
  fall: 8,
  autumn: 8,
  winter: 11,
};

const DURATION =
  /\b(?:within|in|next|the next|over the next|in the next|less than|under|in about|in around|roughly|timeline(?: is)?|timeframe(?: is)?)\s+(?:a |about |around )?(\d+(?:\.\d+)?)(?:\s*(?:-|to|or)\s*(\d+(?:\.\d+)?))?\s*(day|week|month|year)s?\b(?! ago)/g;
// A bare "6 months" is a plan unless the words around it look back ("lived here 10 years", "2 years ago").
const BARE_DURATION =
  /\b(\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))?\s*(day|week|month|year)s?\b(?![- ](?:ago|old|mortgage|fixed|loan|lease|warranty|rate))/g;
const LOOKING_BACK =
  /\b(?:lived|living|owned|been|last|past|since|bought|had|rented|renting|for)\b[^.,;!?]*$/;
const MONTH_PHRASE = new RegExp(
  String.raw`\b(?:by|in|before|around|until|after|end of|early|mid|late|this|next|como en|para)\s+${MONTH_NAME}\b`,
  "g",
);
const SEASON_PHRASE =
  /\b(this|next|by|in|by next|until|around|over the|in the|before|by the|this coming)\s+(spring|summer|fall|autumn|winter)\b/g;
const YEAR_END = /\b(?:end of (?:the |this )?year|year[- ]end|by december)\b/g;

const VAGUE: ReadonlyArray<[Timeline, RegExp]> = [
  [
    "0-3m",
    /\b(?:asap|a\.s\.a\.p|as soon as possible|immediately|right away|urgent(?:ly)?|this month|next month|end of (?:the|this) month|in a (?:week|month)|lease (?:is )?(?:up|ending|ends)|quickly|fast|soon|lo antes posible|pronto|ya mismo)\b/g,
  ],
  [
    "3-6m",
    /\b(?:few months|later this year|this year|next (?:couple|few) of months|half a year|medio año)\b/g,
  ],
  [
    "6m+",
    /\b(?:no rush|no hurry|not in a (?:rush|hurry)|eventually|someday|some day|down the road|long[- ]term|next year|in a year|within a year|a year or (?:so|2)|a year from now|few years|not anytime soon|not for a while|sin prisa|el próximo año)\b/g,
  ],
];

/** The bucket for a lead time in months. */
export function bucketOf(months: number): Timeline {
  if (months <= 3) return "0-3m";
  if (months <= 6) return "3-6m";
  return "6m+";
}

const MONTHS_PER: Readonly<Record<string, number>> = { day: 1 / 30, week: 1 / 4.345, month: 1, year: 12 };

function durations(folded: string): Reading[] {
  const bare = [...folded.matchAll(BARE_DURATION)].filter(
    (m) => !LOOKING_BACK.test(folded.slice(Math.max(0, (m.index ?? 0) - 30), m.index)),
  );
  return [...folded.matchAll(DURATION), ...bare].map((m) => {
    const far = Number(m[2] ?? m[1]);
    return { timeline: bucketOf(far * (MONTHS_PER[m[3] ?? "month"] ?? 1)), precise: true, at: m.index ?? 0 };
  });
}

function monthsUntil(target: number, reference: number): number {
  return (target - reference + 12) % 12;
}

function calendar(folded: string, reference: ReferenceMonth): Reading[] {
  const out: Reading[] = [];
  for (const m of folded.matchAll(SEASON_PHRASE)) {
    const start = SEASON_START[m[2] ?? ""] ?? 0;
    let timeline: Timeline = m[1] === "next" || m[1] === "by next" ? "6m+" : "3-6m";
    if (reference !== undefined) {
      const ahead = monthsUntil(start, reference);
      timeline = bucketOf(ahead > 9 ? 0 : ahead); // already in that season
    }
    out.push({ timeline, precise: reference !== undefined, at: m.index ?? 0 });
  }
  if (reference === undefined) return out;
  for (const m of folded.matchAll(MONTH_PHRASE)) {
    const month = MONTHS.indexOf((m[1] ?? "").slice(0, 3));
    if (month >= 0)
      out.push({ timeline: bucketOf(monthsUntil(month, reference)), precise: true, at: m.index ?? 0 });
  }
  for (const m of folded.matchAll(YEAR_END)) {
    out.push({ timeline: bucketOf(11 - reference), precise: true, at: m.index ?? 0 });
  }
  return out;
}

function vague(folded: string): Reading[] {
  return VAGUE.flatMap(([timeline, pattern]) =>
    [...folded.matchAll(pattern)].map((m) => ({ timeline, precise: false, at: m.index ?? 0 })),
  );
}

/** The timeline one message states, or undefined when it states none. */
export function extractTimeline(folded: string, reference?: ReferenceMonth): Timeline | undefined {
  const readings = [...durations(folded), ...calendar(folded, reference), ...vague(folded)];
  readings.sort((a, b) => Number(b.precise) - Number(a.precise) || a.at - b.at);
  return readings[0]?.timeline;
}
