/** A contact as the CRM sees it. `tags` are added to the contact's tags, never replacing them. */
export interface CrmContact {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  source?: string;
  tags?: string[];
  /** Do-not-disturb: the lead opted out of messages. */
  dnd?: boolean;
}

export type CrmFailureCode = "rate_limited" | "invalid" | "unavailable" | "auth";

export type CrmUpsertResult =
  | { ok: true; crmId: string; created: boolean }
  | { ok: false; code: CrmFailureCode; message: string; retryAfterMs?: number };

/** The team's CRM (GoHighLevel in production). One result per contact, in order. */
export interface CrmGateway {
  readonly name: string;
  upsertContacts(contacts: CrmContact[]): Promise<CrmUpsertResult[]>;
}

export const CRM_GATEWAY = Symbol.for("eh.CrmGateway");
