/**
 * Reads everything the lead has said (all their messages, oldest first) into a Qualification, plus the
 * few facts the bots need that the Qualification has no field for (name, must-haves, equity).
 * Later messages refine earlier ones: the last message that states a fact wins, except places added
 * with "also" and motivations, which accumulate.
 */
import type { Qualification } from "../../ports/qualification.ts";
import { extractHasAgent } from "./extract-agent.ts";
import { extractMoney } from "./extract-budget.ts";
import { extractCondition } from "./extract-condition.ts";
import { type Equity, extractEquity } from "./extract-equity.ts";
import { extractFinancing } from "./extract-financing.ts";
import { extractIntent } from "./extract-intent.ts";
import { extractPlaces } from "./extract-location.ts";
import { extractMotivations, sellerReasonsOf } from "./extract-motivation.ts";
import { extractMustHaves } from "./extract-must-haves.ts";
import { extractName } from "./extract-name.ts";
import { extractBedrooms, extractPropertyType } from "./extract-property.ts";
import { extractTimeline, type ReferenceMonth } from "./extract-timeline.ts";
import { type LeadText, prepareLeadText } from "./lead-text.ts";
import { summarizeLead } from "./summarize-lead.ts";

/** What the lead has told us so far. */
export interface LeadFacts {
  readonly qualification: Qualification;
  readonly name?: string;
  readonly mustHaves?: readonly string[];
  readonly equity?: Equity;
}

/** Context that is not in the lead's words. */
export interface ReadingOptions {
  /** The month (0 = January) the conversation happens in: lets "by June" become a timeline. */
  referenceMonth?: ReferenceMonth;
}

function latest<T>(texts: readonly LeadText[], read: (text: LeadText) => T | undefined): T | undefined {
  return texts.reduce<T | undefined>((known, text) => read(text) ?? known, undefined);
}

function placesOf(texts: readonly LeadText[]): string | undefined {
  let places: string[] = [];
  for (const text of texts) {
    const reading = extractPlaces(text);
    if (reading.places.length === 0) continue;
    places = reading.adds ? [...new Set([...places, ...reading.places])] : reading.places;
  }
  return places.length > 0 ? places.join(" or ") : undefined;
}

/** Drops the keys whose value is undefined, so the answer serialises the same way it compares. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Everything the lead's messages say, for the bots. */
export function readLeadFacts(messages: readonly string[], options: ReadingOptions = {}): LeadFacts {
  const texts = messages.map(prepareLeadText);
  const folded = texts.map((t) => t.folded);
  const { intent, intentConfidence } = extractIntent(folded);
  const money = extractMoney(folded, intent);
  const motivations = [...new Set(folded.flatMap(extractMotivations))];
  const sellerReasons = intent === "sell" || intent === "both" ? sellerReasonsOf(motivations) : [];
  const facts: Omit<Qualification, "summary"> = defined({
    intent,
    intentConfidence,
    timeline: latest(texts, (t) => extractTimeline(t.folded, options.referenceMonth)) ?? "unknown",
    financing: latest(texts, (t) => extractFinancing(t.folded)) ?? "unknown",
    budgetMin: money.budgetMin,
    budgetMax: money.budgetMax,
    priceExpectation: money.priceExpectation,
    motivation: motivations.length > 0 ? motivations.join(", ") : undefined,
    location: placesOf(texts),
    propertyType: latest(texts, (t) => extractPropertyType(t.folded, intent)),
    bedrooms: latest(texts, (t) => extractBedrooms(t.folded)),
    hasAgent: latest(texts, (t) => extractHasAgent(t.folded)),
    sellerReason: sellerReasons.length > 0 ? sellerReasons.join(", ") : undefined,
    propertyCondition: latest(texts, (t) => extractCondition(t.folded)),
  });
  return defined({
    qualification: { ...facts, summary: summarizeLead(facts) },
    name: latest(texts, extractName),
    mustHaves: latest(texts, (t) => extractMustHaves(t.folded)),
    equity: money.mortgageBalance !== undefined ? "mortgaged" : latest(texts, (t) => extractEquity(t.folded)),
  });
}

/** The Qualification the lead's messages support (the offline model's structured answer). */
export function extractLeadFacts(messages: readonly string[], options: ReadingOptions = {}): Qualification {
  return readLeadFacts(messages, options).qualification;
}
