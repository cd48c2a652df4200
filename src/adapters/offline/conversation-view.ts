/** A conversation as the bots read it: the facts so far, what the last message added, what was asked. */
import type { ChatMessage } from "../../ports/language-model.ts";
import { type LeadFacts, type ReadingOptions, readLeadFacts } from "./lead-facts.ts";
import { normalizeSpacing } from "./lead-text.ts";

/** What the bots know about a conversation when they write the next message. */
export interface ConversationView {
  /** Facts from every lead message. */
  readonly facts: LeadFacts;
  /** Facts from every lead message but the last: the difference is what to acknowledge. */
  readonly earlier: LeadFacts;
  /** The bot's own earlier messages. */
  readonly botSaid: readonly string[];
  /** The lead's last message, normalised and lower-cased ("" when the lead has not spoken). */
  readonly lastLeadText: string;
  /** True before the bots have said anything: time for a greeting. */
  readonly firstTurn: boolean;
}

/** Reads a conversation (lead = "user", bots = "assistant"). */
export function viewConversation(
  messages: readonly ChatMessage[],
  options: ReadingOptions = {},
): ConversationView {
  const leadSaid = messages.filter((m) => m.role === "user").map((m) => m.content);
  const botSaid = messages.filter((m) => m.role === "assistant").map((m) => m.content);
  return {
    facts: readLeadFacts(leadSaid, options),
    earlier: readLeadFacts(leadSaid.slice(0, -1), options),
    botSaid,
    lastLeadText: normalizeSpacing(leadSaid.at(-1) ?? "").toLowerCase(),
    firstTurn: botSaid.length === 0,
  };
}

/** True when a bot already said `phrase` in this conversation. */
export function alreadySaid(view: ConversationView, phrase: string): boolean {
  return view.botSaid.some((said) => said.includes(phrase));
}

/** True when the bot's last message contained `phrase` (an offer) and the lead answered yes. */
export function acceptedOffer(view: ConversationView, phrase: string): boolean {
  const offered = view.botSaid.at(-1)?.includes(phrase) ?? false;
  return (
    offered &&
    /^(?:yes|yeah|yep|yup|sure|ok|okay|sounds good|please|absolutely|definitely|let's do it|that works|perfect|great|sí|si|claro)\b/.test(
      view.lastLeadText,
    )
  );
}

/** True when the bot's last message contained `phrase` (an offer) and the lead answered no. */
export function declinedOffer(view: ConversationView, phrase: string): boolean {
  const offered = view.botSaid.at(-1)?.includes(phrase) ?? false;
  return offered && /^(?:no|nope|not yet|not now|maybe later|no thanks|not really)\b/.test(view.lastLeadText);
}
