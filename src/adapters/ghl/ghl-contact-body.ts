import type { CrmContact } from "../../ports/crm-gateway.ts";

/**
 * The body of POST /contacts/upsert for a contact: only the fields it has, and never `tags`,
 * because GoHighLevel's upsert replaces the contact's whole tag list with the one sent.
 */
export function toUpsertBody(locationId: string, contact: CrmContact): Record<string, unknown> {
  const body: Record<string, unknown> = { locationId };
  const email = contact.email?.trim();
  const phone = contact.phone?.trim();
  if (email) body.email = email;
  if (phone) body.phone = phone;
  if (contact.firstName !== undefined) body.firstName = contact.firstName;
  if (contact.lastName !== undefined) body.lastName = contact.lastName;
  if (contact.source !== undefined) body.source = contact.source;
  if (contact.dnd !== undefined) body.dnd = contact.dnd;
  return body;
}

/** True when the contact has an email or a phone, which GoHighLevel needs to find or create it. */
export function hasIdentity(contact: CrmContact): boolean {
  return Boolean(contact.email?.trim() || contact.phone?.trim());
}

/** The tags to add: trimmed, without blanks or repeats. */
export function tagsToAdd(contact: CrmContact): string[] {
  return [...new Set((contact.tags ?? []).map((t) => t.trim()).filter((t) => t !== ""))];
}
