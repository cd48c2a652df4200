/**
 * The contact-store rules every ContactStore implementation shares (memory, PostgreSQL, PGlite):
 * who a contact is, and how tags combine. Pure functions, kept in one place so the stores agree.
 */
import type { ContactInput } from "../../ports/contact-store.ts";

/** An upsert named neither an email nor a phone with digits, so there is no person to match. */
export class ContactIdentityMissingError extends Error {
  readonly code = "contact_identity_missing";
  constructor() {
    super("a contact needs an email or a phone number with digits");
    this.name = "ContactIdentityMissingError";
  }
}

/** The person's identity within a tenant: the trimmed, lower-cased email, else the phone's digits. */
export function contactIdentity(input: Pick<ContactInput, "email" | "phone">): string {
  const email = input.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const digits = input.phone?.replace(/\D/g, "");
  if (digits) return `phone:${digits}`;
  throw new ContactIdentityMissingError();
}

/** `tags` trimmed, without blanks or repeats, in first-seen order. */
export function normalizeTags(tags: readonly string[] = []): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

/** The union of `existing` and `added`: existing tags keep their order, new ones follow. */
export function mergeTags(existing: readonly string[], added: readonly string[]): string[] {
  return normalizeTags([...existing, ...added]);
}
