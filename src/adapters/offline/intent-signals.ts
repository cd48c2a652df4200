/**
 * The phrases that reveal whether a lead wants to buy, sell or is only browsing, each with how strongly
 * it says so. Strengths are calibrated against handoffs, which need 0.7: an explicit "we want to buy"
 * is well above it, a hedged "thinking about maybe selling" just above it, and a hint (a budget, a lender)
 * below it, so a hint alone never moves a lead to another bot.
 */

/** "We want to buy", "ready to sell", "list our house". */
export const EXPLICIT = 0.88;
/** "Looking for a condo", "what's my home worth", "pre-approved". */
export const STATED = 0.8;
/** A stated or explicit phrase after "thinking about", "maybe", "might"... */
export const HEDGED = 0.72;
/** Only implied: a budget, a lender, a showing. Never enough for a handoff on its own. */
export const IMPLIED = 0.65;
/** "Just looking", "window shopping". */
export const BROWSING = 0.75;

/** Which way a phrase points. */
export type Side = "buy" | "sell" | "browse";

/** A phrase pattern and the confidence it carries when not hedged. */
export interface IntentSignal {
  readonly side: Side;
  readonly strength: number;
  readonly pattern: RegExp;
}

const HOME =
  "(?:home|house|condo|townhouse|townhome|place|property|duplex|apartment|land|lot(?! of)|fixer(?:-?upper)?|\\d+ ?(?:bed|br|bedroom)s?)";
const WANT =
  "(?:want|wants|wanting|ready|need|needs|planning|plan|looking|trying|hoping|going|decided|like|love|have)";
const ME = "(?:we're|we are|i'm|i am|im|currently|we'll be|i'll be)";

const signal = (side: Side, strength: number, source: string): IntentSignal => ({
  side,
  strength,
  pattern: new RegExp(source, "g"),
});

/** Every phrase the intent reader knows, English and common Spanish. */
export const INTENT_SIGNALS: readonly IntentSignal[] = [
  signal("buy", EXPLICIT, String.raw`\b${WANT} to (?:buy|purchase)\b`),
  signal("buy", EXPLICIT, String.raw`\b${ME} (?:buying|purchasing)\b`),
  signal("buy", EXPLICIT, String.raw`\binterested in (?:buying|purchasing)\b`),
  signal(
    "buy",
    EXPLICIT,
    String.raw`\b(?:buy|buying|purchase|purchasing) (?:a|an|our|my|the|another|some)\b`,
  ),
  signal("buy", EXPLICIT, String.raw`\bfirst[- ]time (?:home ?)?buyers?\b|\bhouse[- ]hunting\b`),
  signal("buy", EXPLICIT, String.raw`\b(?:quiero|queremos) comprar\b|\bcomprar (?:una )?casa\b`),
  signal(
    "buy",
    STATED,
    String.raw`\b(?:looking|searching|shopping) (?:for|at) (?:a |an |some )?(?:\S+ ){0,3}${HOME}`,
  ),
  signal(
    "buy",
    STATED,
    String.raw`\b(?:looking|searching|shopping) (?:for|at) (?:homes|houses|condos|townhomes|properties|places|listings)\b`,
  ),
  signal(
    "buy",
    STATED,
    String.raw`\b(?:looking|searching) for something\b|\binterested in (?:a|an) (?:\S+ ){0,2}${HOME}`,
  ),
  signal("buy", STATED, String.raw`\bwant(?:s|ing)? (?:a |an )?\d+ ?(?:bed|br|bd|bedroom)s?\b`),
  signal("buy", STATED, String.raw`\bin the market for\b|\b(?:buscando|busco|buscamos) (?:una )?casa\b`),
  signal(
    "buy",
    STATED,
    String.raw`\b(?:needs?|wants?|'d like|would like|'d love) (?:a|an) (?:\S+ ){0,2}${HOME}`,
  ),
  signal(
    "buy",
    STATED,
    String.raw`\bpre-? ?(?:approved|qualified)\b|\bpreapproved\b|\bprequalified\b|\bcash buyers?\b`,
  ),
  signal("buy", STATED, String.raw`\bbuy\b|\bbuying\b|\bcomprar\b`),
  signal("buy", IMPLIED, String.raw`\bbudget\b|\bafford\b|\blender\b|\bshowings?\b|\bmortgage rates?\b`),
  signal("buy", IMPLIED, String.raw`\b(?:relocating|moving|transferring) to\b`),
  signal("sell", EXPLICIT, String.raw`\b${WANT} to (?:sell|list)\b`),
  signal("sell", EXPLICIT, String.raw`\b${ME} (?:selling|listing)\b|\binterested in selling\b`),
  signal(
    "sell",
    EXPLICIT,
    String.raw`\b(?:sell|selling|list|listing) (?:my|our|his|her|their|mom's|dad's|this)\b`,
  ),
  signal("sell", EXPLICIT, String.raw`\bput (?:my|our|the) (?:\S+ ){0,2}on the market\b`),
  signal("sell", EXPLICIT, String.raw`\b(?:quiero|queremos) vender\b|\bvender (?:mi|nuestra) casa\b`),
  signal(
    "sell",
    STATED,
    String.raw`\bwhat(?:'s| is) (?:my|our) (?:\S+ ){0,2}worth\b|\bhow much (?:\S+ ){0,4}(?:my|our) (?:home|house|condo|place|property|townhouse|townhome)\b`,
  ),
  signal(
    "sell",
    STATED,
    String.raw`\b(?:home|house|property) (?:valuation|value|appraisal)\b|\bvaluation\b|\bzestimate\b|\bcma\b`,
  ),
  signal("sell", STATED, String.raw`\bsell\b|\bselling\b|\bvender\b`),
  signal("sell", IMPLIED, String.raw`\binherited\b|\blisting agent\b|\bpaid off\b|\bequity\b`),
  signal(
    "browse",
    BROWSING,
    String.raw`\bjust (?:looking|browsing|curious|checking|wondering|window shopping)\b(?! (?:for|to)\b)`,
  ),
  signal(
    "browse",
    BROWSING,
    String.raw`\bbrowsing\b|\bwindow[- ]shopping\b|\bcurious (?:about|what|how|to see)\b`,
  ),
  signal(
    "browse",
    BROWSING,
    String.raw`\bseeing what(?:'s| is) out there\b|\bkeeping an eye on\b|\bsolo (?:estoy )?mirando\b`,
  ),
  signal(
    "browse",
    BROWSING,
    String.raw`\bnot (?:ready|in a position) (?:yet|to (?:buy|sell|move))\b|\bno plans to (?:buy|sell|move)\b`,
  ),
];

/** Words before a phrase that make it a possibility rather than a plan. */
export const HEDGE =
  /\b(?:thinking|think|considering|consider|might|maybe|may|possibly|perhaps|someday|eventually|could|wondering|toying|debating|if|not sure|unsure|don't know|dont know)\b/;
/** Words before a phrase that deny it ("not selling", "don't want to buy"). */
export const NEGATION =
  /\b(?:not|never|no longer|don't|dont|won't|wont|aren't|isn't|no plans to|n't)\b|n't\b/;
/** Hedges that contain a negation word but still mean "maybe" ("not sure if we want to sell"). */
export const UNSURE = /\b(?:not sure|unsure|don't know|dont know)\b/;
