/**
 * The Seller bot: reason, timeline, condition, price in mind, mortgage or equity; then a valuation
 * appointment, where an agent prices the home properly.
 */
import { acknowledge, newFactClauses } from "./acknowledge.ts";
import { acceptedOffer, alreadySaid, type ConversationView, declinedOffer } from "./conversation-view.ts";
import { nextQuestion, type ReplyStep, step, topicsOf } from "./reply-steps.ts";

/** The seller's questions, in the order the bot asks them. */
export const SELLER_STEPS: readonly ReplyStep[] = [
  step(
    "reason",
    (f) => f.qualification.sellerReason !== undefined || f.qualification.motivation !== undefined,
    "What's prompting the move?",
  ),
  step(
    "timeline",
    (f) => f.qualification.timeline !== "unknown",
    "When would you ideally like to have it sold?",
  ),
  step(
    "condition",
    (f) => f.qualification.propertyCondition !== undefined,
    "How would you describe the home's condition — move-in ready, or in need of some work?",
  ),
  step(
    "price",
    (f) => f.qualification.priceExpectation !== undefined,
    "Do you have a price in mind for the home?",
  ),
  step("equity", (f) => f.equity !== undefined, "Is there still a mortgage on the home, or is it paid off?"),
];

/** Words that mark the valuation offer, to recognise the lead's answer to it. */
export const VALUATION_OFFER = "Would you like to book a free valuation appointment";

function closing(view: ConversationView): string {
  const where = view.facts.qualification.location;
  if (acceptedOffer(view, VALUATION_OFFER))
    return "An agent will reach out shortly to schedule your valuation.";
  if (declinedOffer(view, VALUATION_OFFER)) return "No problem — just let me know whenever you're ready.";
  if (alreadySaid(view, VALUATION_OFFER))
    return "An agent will be in touch shortly to talk through your options.";
  return `${VALUATION_OFFER}${where === undefined ? "" : ` for your home in ${where}`}, so we can give you an accurate price?`;
}

/** The Seller bot's next message. */
export function writeSellerReply(view: ConversationView): string {
  const opening = acknowledge(view, newFactClauses(view, topicsOf(SELLER_STEPS), true));
  return `${opening} ${nextQuestion(view, SELLER_STEPS) ?? closing(view)}`;
}
