import type { ContactInput } from "../ports/contact-store.ts";

/** What a lead says about the person, as the API receives it. */
export interface LeadIdentity {
  name?: string;
  email?: string;
  phone?: string;
  source?: string;
}

/**
 * The contact a lead belongs to ("Ana María López" → first name "Ana", last name "María López"), or
 * undefined when the lead gave neither an email nor a phone (nothing to identify the person by).
 */
export function contactInputOf(lead: LeadIdentity): ContactInput | undefined {
  if (!lead.email && !lead.phone) return undefined;
  const [firstName, ...rest] = (lead.name ?? "").split(/\s+/).filter(Boolean);
  return {
    email: lead.email,
    phone: lead.phone,
    firstName,
    lastName: rest.length ? rest.join(" ") : undefined,
    source: lead.source,
  };
}
