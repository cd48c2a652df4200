/** Contacts in process memory: for tests and for running with no database. */
import { randomUUID } from "node:crypto";
import type { ContactInput, ContactRecord, ContactStore } from "../../ports/contact-store.ts";
import { contactIdentity, mergeTags, normalizeTags } from "../postgres/contact-identity.ts";

interface StoredContact {
  identity: string;
  record: ContactRecord;
}

/** ContactStore over Maps, following the same identity and tag rules as the SQL store. */
export class MemoryContactStore implements ContactStore {
  // "<tenant>\u0000<id>" → contact; "<tenant>\u0000<identity>" → id.
  readonly #byId = new Map<string, StoredContact>();
  readonly #idByIdentity = new Map<string, string>();

  /** Creates the contact, or updates the one with the same identity; `created` says which. */
  async upsert(
    tenant: string,
    input: ContactInput,
    now: number,
  ): Promise<{ contact: ContactRecord; created: boolean }> {
    const identity = contactIdentity(input);
    const given: Partial<ContactRecord> = {
      ...(input.email?.trim() && { email: input.email.trim() }),
      ...(input.phone?.trim() && { phone: input.phone.trim() }),
      ...(input.firstName !== undefined && { firstName: input.firstName }),
      ...(input.lastName !== undefined && { lastName: input.lastName }),
      ...(input.source !== undefined && { source: input.source }),
    };
    const existingId = this.#idByIdentity.get(`${tenant}\u0000${identity}`);
    const existing = existingId === undefined ? undefined : this.#byId.get(`${tenant}\u0000${existingId}`);
    if (existing) {
      const record = existing.record;
      Object.assign(record, given, { tags: mergeTags(record.tags, input.tags ?? []), updatedAt: now });
      return { contact: structuredClone(record), created: false };
    }
    const record: ContactRecord = {
      id: randomUUID(),
      tenant,
      ...given,
      tags: normalizeTags(input.tags),
      doNotContact: false,
      createdAt: now,
      updatedAt: now,
    };
    this.#byId.set(`${tenant}\u0000${record.id}`, { identity, record });
    this.#idByIdentity.set(`${tenant}\u0000${identity}`, record.id);
    return { contact: structuredClone(record), created: true };
  }

  /** A copy of the contact, or undefined when it does not exist in this tenant. */
  async get(tenant: string, id: string): Promise<ContactRecord | undefined> {
    const stored = this.#byId.get(`${tenant}\u0000${id}`);
    return stored && structuredClone(stored.record);
  }

  /** Links the contact to its CRM record (a no-op for an unknown contact). */
  async setCrmId(tenant: string, id: string, crmId: string): Promise<void> {
    const stored = this.#byId.get(`${tenant}\u0000${id}`);
    if (stored) stored.record.crmId = crmId;
  }

  /** Records an opt-out (or its reversal). */
  async setDoNotContact(tenant: string, id: string, doNotContact: boolean): Promise<void> {
    const stored = this.#byId.get(`${tenant}\u0000${id}`);
    if (stored) stored.record.doNotContact = doNotContact;
  }

  /** Erases the contact; true when it existed. */
  async delete(tenant: string, id: string): Promise<boolean> {
    const stored = this.#byId.get(`${tenant}\u0000${id}`);
    if (!stored) return false;
    this.#byId.delete(`${tenant}\u0000${id}`);
    this.#idByIdentity.delete(`${tenant}\u0000${stored.identity}`);
    return true;
  }
}
