/**
 * A contact's messaging consent as a two-state machine. An opt-out (see opt-out.ts) moves a subscribed
 * contact to "opted_out", after which no outbound message may go (the single confirmation is sent as
 * part of that transition, by the compliance guard). START or UNSTOP moves them back.
 */
import { detectOptOut, isResubscribeRequest } from "./opt-out.ts";

/** Whether the contact may receive messages. */
export type MessagingConsent = "subscribed" | "opted_out";

/** How one inbound message changed the consent. */
export type ConsentChange = "opted_out" | "resubscribed" | "unchanged";

/** True when an outbound message may be sent to a contact in `consent`. */
export function mayMessage(consent: MessagingConsent): boolean {
  return consent === "subscribed";
}

/** The consent after the contact sends `inboundText`, and what changed. */
export function consentAfterInbound(
  consent: MessagingConsent,
  inboundText: string,
): { readonly consent: MessagingConsent; readonly change: ConsentChange } {
  if (consent === "subscribed" && detectOptOut(inboundText).optOut) {
    return { consent: "opted_out", change: "opted_out" };
  }
  if (consent === "opted_out" && isResubscribeRequest(inboundText)) {
    return { consent: "subscribed", change: "resubscribed" };
  }
  return { consent, change: "unchanged" };
}
