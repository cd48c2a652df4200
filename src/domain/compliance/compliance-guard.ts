/**
 * The compliance guard every outbound bot reply passes through, composing the rules in this folder:
 * 1. an opted-out contact gets nothing, unless they text START/UNSTOP (one resubscribe confirmation);
 * 2. a lead whose message opts out gets the one opt-out confirmation instead of the reply;
 * 3. a lead asking about schools, safety or who lives somewhere gets the official-sources referral
 *    instead of the drafted reply: an answer to such a question steers even without a flagged phrase
 *    ("Yes, it's very safe."), so none of it is kept;
 * 4. a reply that characterises an area's occupants is rewritten (flagged sentences dropped);
 * 5. the first outbound message of a conversation starts with the bot / DRE disclosure.
 * Quiet hours are not checked here: a reply answers the lead's own message; unprompted follow-ups are
 * scheduled with quiet-hours.ts. Pure: same input, same output.
 */
import { type DisclosureConfig, firstContactDisclosure, withDisclosure } from "./disclosure.ts";
import { checkFairHousing, FAIR_HOUSING_REFERRAL, rewriteForFairHousing } from "./fair-housing.ts";
import { isFairHousingQuestion } from "./fair-housing-question.ts";
import { consentAfterInbound } from "./messaging-consent.ts";
import { optOutConfirmation, resubscribeConfirmation } from "./opt-out.ts";

/** What the guard did to a reply, in the order it did it. */
export type ComplianceAction =
  | "disclosure_added"
  | "fair_housing_rewritten"
  | "fair_housing_referral"
  | "opt_out_confirmed"
  | "resubscribed"
  | "blocked_opted_out";

/** One reply to check, with the lead message it answers and the conversation's state before that message. */
export interface GuardReplyInput {
  readonly reply: string;
  readonly leadText: string;
  readonly conversation: {
    /** True when nothing has been sent in this conversation yet. */
    readonly isFirstOutbound: boolean;
    /** The contact's consent before `leadText` arrived. */
    readonly optedOut: boolean;
  };
  readonly cfg: DisclosureConfig;
}

/** What may go out: `text` only when `send`; `optedOut` is the consent to store after this turn. */
export interface GuardedReply {
  readonly send: boolean;
  readonly text: string;
  readonly actions: ComplianceAction[];
  readonly optedOut: boolean;
}

/**
 * Applies opt-out, Fair Housing and disclosure rules to one outbound reply. Throws DisclosureConfigError
 * for an invalid `cfg` on every call, so a misconfiguration cannot hide until a conversation's first message.
 */
export function guardReply({ reply, leadText, conversation, cfg }: GuardReplyInput): GuardedReply {
  firstContactDisclosure(cfg);
  const consent = consentAfterInbound(conversation.optedOut ? "opted_out" : "subscribed", leadText);
  if (consent.change === "opted_out") {
    return disclosed(optOutConfirmation(cfg.licenseeName), ["opt_out_confirmed"], true, conversation, cfg);
  }
  if (consent.change === "resubscribed") {
    return disclosed(resubscribeConfirmation(cfg.licenseeName), ["resubscribed"], false, conversation, cfg);
  }
  if (consent.consent === "opted_out") {
    return { send: false, text: "", actions: ["blocked_opted_out"], optedOut: true };
  }
  if (isFairHousingQuestion(leadText)) {
    return disclosed(FAIR_HOUSING_REFERRAL, ["fair_housing_referral"], false, conversation, cfg);
  }
  if (!checkFairHousing(reply).ok) {
    return disclosed(rewriteForFairHousing(reply), ["fair_housing_rewritten"], false, conversation, cfg);
  }
  return disclosed(reply, [], false, conversation, cfg);
}

function disclosed(
  text: string,
  actions: ComplianceAction[],
  optedOut: boolean,
  conversation: GuardReplyInput["conversation"],
  cfg: DisclosureConfig,
): GuardedReply {
  const withFirst = withDisclosure(text, conversation.isFirstOutbound, cfg);
  if (withFirst === text) return { send: true, text, actions, optedOut };
  return { send: true, text: withFirst, actions: [...actions, "disclosure_added"], optedOut };
}
