/**
 * The Buyer bot: budget, financing, areas, kind of home and bedrooms, must-haves, timeline; then a
 * showing once it knows enough to pick homes (budget, financing, area and kind of home or bedrooms).
 */
import { acknowledge, newFactClauses } from "./acknowledge.ts";
import { acceptedOffer, alreadySaid, type ConversationView, declinedOffer } from "./conversation-view.ts";
import type { LeadFacts } from "./lead-facts.ts";
import { nextQuestion, type ReplyStep, step, topicsOf } from "./reply-steps.ts";

const HOME_QUESTIONS = {
  both: "What kind of home suits you best — single-family, condo or townhouse — and how many bedrooms?",
  bedrooms: "How many bedrooms do you need?",
  type: "Are you after a single-family home, a condo or a townhouse?",
};

/** The buyer's questions, in the order the bot asks them. */
export const BUYER_STEPS: readonly ReplyStep[] = [
  step(
    "budget",
    (f) => f.qualification.budgetMax !== undefined || f.qualification.budgetMin !== undefined,
    "What price range are you comfortable with?",
  ),
  step(
    "financing",
    (f) => f.qualification.financing !== "unknown",
    "Have you been pre-approved for a mortgage yet, or will you be paying cash?",
  ),
  step(
    "location",
    (f) => f.qualification.location !== undefined,
    "Which areas or neighborhoods are you focused on?",
  ),
  {
    topic: "home",
    known: (f) => f.qualification.propertyType !== undefined && f.qualification.bedrooms !== undefined,
    questions: Object.values(HOME_QUESTIONS),
    ask: (f) => {
      if (f.qualification.propertyType !== undefined) return HOME_QUESTIONS.bedrooms;
      return f.qualification.bedrooms !== undefined ? HOME_QUESTIONS.type : HOME_QUESTIONS.both;
    },
  },
  step(
    "mustHaves",
    (f) => f.mustHaves !== undefined,
    "Any must-haves, like a garage, a yard or a home office?",
  ),
  step("timeline", (f) => f.qualification.timeline !== "unknown", "When are you hoping to move?"),
];

/** Words that mark the showing offer, to recognise the lead's answer to it. */
export const SHOWING_OFFER = "Would you like me to book showings";
const CALL_OFFER = "Would you like a quick call with one of our agents";

/** True when the bot knows enough to pick homes to show. */
export function readyForShowing(facts: LeadFacts): boolean {
  const q = facts.qualification;
  const home = q.propertyType !== undefined || q.bedrooms !== undefined;
  return (
    (q.budgetMax !== undefined || q.budgetMin !== undefined) &&
    q.financing !== "unknown" &&
    q.location !== undefined &&
    home
  );
}

function closing(view: ConversationView): string {
  const where = view.facts.qualification.location;
  if (acceptedOffer(view, SHOWING_OFFER))
    return "An agent will reach out shortly to confirm times for your showings.";
  if (declinedOffer(view, SHOWING_OFFER) || declinedOffer(view, CALL_OFFER)) {
    return "No problem — just let me know whenever you're ready.";
  }
  if (alreadySaid(view, SHOWING_OFFER) || alreadySaid(view, CALL_OFFER)) {
    return "An agent will be in touch shortly with homes that fit.";
  }
  if (readyForShowing(view.facts)) {
    return `${SHOWING_OFFER} of homes that fit${where === undefined ? "" : ` in ${where}`}?`;
  }
  return `${CALL_OFFER} to fill in the rest and start the search?`;
}

/** The Buyer bot's next message. */
export function writeBuyerReply(view: ConversationView): string {
  const opening = acknowledge(view, newFactClauses(view, topicsOf(BUYER_STEPS), false));
  return `${opening} ${nextQuestion(view, BUYER_STEPS) ?? closing(view)}`;
}
