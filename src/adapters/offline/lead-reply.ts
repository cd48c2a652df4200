/**
 * The Lead bot: greets, works out whether the lead is buying, selling or both, and once it knows
 * (confidence >= 0.7, the handoff threshold), starts on the first question of the bot the lead will be
 * handed to. Below that it keeps asking, rather than guess from a hint.
 */
import type { Intent } from "../../ports/qualification.ts";
import { acknowledge, newFactClauses } from "./acknowledge.ts";
import { BUYER_STEPS } from "./buyer-reply.ts";
import { alreadySaid, type ConversationView } from "./conversation-view.ts";
import { nextQuestion, topicsOf } from "./reply-steps.ts";
import { SELLER_STEPS } from "./seller-reply.ts";

/** The ways the Lead bot asks for intent, in the order it uses them. */
export const INTENT_QUESTIONS = [
  "Are you looking to buy a home, sell one, or both?",
  "Is there a home you're hoping to buy, or one you'd like to sell?",
] as const;
const BOTH_QUESTION =
  "Which would you like to start with — selling your current home or finding the next one?";
const BROWSING_QUESTION =
  "Would it help more to see a few homes for sale, or to learn what your current home could sell for?";
const SURE_ENOUGH = 0.7;
const STANDING_OFFER =
  "Whenever you're ready, just tell me whether you're buying or selling and I'll take it from there.";

/** The intent the bot acts on: a hint below the handoff threshold counts as not knowing. */
function settledIntent(view: ConversationView, which: "facts" | "earlier"): Intent {
  const { intent, intentConfidence } = view[which].qualification;
  return intent === "browsing" || intentConfidence >= SURE_ENOUGH ? intent : "unknown";
}

function intentSentence(view: ConversationView): string | undefined {
  const intent = settledIntent(view, "facts");
  const { location } = view.facts.qualification;
  if (intent === settledIntent(view, "earlier") && !view.firstTurn) return undefined;
  const where = location === undefined ? "" : ` in ${location}`;
  if (intent === "buy") return `It sounds like you're looking to buy${where}.`;
  if (intent === "sell")
    return `It sounds like you're thinking of selling${location === undefined ? "" : ` your home${where}`}.`;
  if (intent === "both") return "It sounds like you're planning to sell and buy.";
  if (intent === "browsing") return "No pressure at all — I'm happy to help while you look around.";
  return undefined;
}

function question(view: ConversationView): string {
  const intent = settledIntent(view, "facts");
  if (intent === "buy") return nextQuestion(view, BUYER_STEPS) ?? STANDING_OFFER;
  if (intent === "sell") return nextQuestion(view, SELLER_STEPS) ?? STANDING_OFFER;
  if (intent === "both") {
    if (!alreadySaid(view, BOTH_QUESTION)) return BOTH_QUESTION;
    return nextQuestion(view, SELLER_STEPS) ?? STANDING_OFFER;
  }
  if (intent === "browsing" && !alreadySaid(view, BROWSING_QUESTION)) return BROWSING_QUESTION;
  return INTENT_QUESTIONS.find((q) => !alreadySaid(view, q)) ?? STANDING_OFFER;
}

/** The Lead bot's next message. */
export function writeLeadReply(view: ConversationView): string {
  const settled = settledIntent(view, "facts");
  // A hint still says which side's facts to echo ("we inherited his house" is a seller's fact).
  const seller = view.facts.qualification.intent === "sell";
  const unsure = settled === "unknown" || settled === "browsing";
  const topics = topicsOf(seller ? SELLER_STEPS : BUYER_STEPS).filter(
    (t) => t !== "location" && !(unsure && t === "home"),
  );
  const intentSaid = intentSentence(view);
  // When the intent sentence already names the place, the echo leaves it out.
  const clauses = newFactClauses(view, topics, seller).slice(0, intentSaid === undefined ? 3 : 2);
  const opening = acknowledge(view, clauses);
  return [opening, intentSaid, question(view)].filter((s) => s !== undefined).join(" ");
}
