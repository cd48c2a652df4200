import type { Clock } from "../ports/clock.ts";
import type { ContactRecord, ContactStore } from "../ports/contact-store.ts";
import type { ConversationRecord, ConversationStore } from "../ports/conversation-store.ts";
import type { ErasureLog } from "../ports/erasure-log.ts";
import type { LeadRecord, LeadStore } from "../ports/lead-store.ts";
import type { TieredCache } from "./tiered-cache.ts";

export class ContactNotFoundError extends Error {
  readonly code = "not_found";
}

export interface ContactExport {
  contact: ContactRecord;
  leads: LeadRecord[];
  conversations: ConversationRecord[];
}

/**
 * CCPA requests for one person: export everything held about them, or erase them from PostgreSQL,
 * every cache tier and the conversation store. Each request is logged with counts, never the data.
 */
export class ContactPrivacy {
  constructor(
    private readonly d: {
      contacts: ContactStore;
      leads: LeadStore;
      conversations: ConversationStore;
      cache: TieredCache;
      log: ErasureLog;
      clock: Clock;
    },
  ) {}

  /** Everything held about the contact. */
  async export(tenant: string, contactId: string, requestId: string): Promise<ContactExport> {
    const found = await this.#gather(tenant, contactId);
    await this.#log(tenant, requestId, "export", found, found.cacheKeys.length);
    return { contact: found.contact, leads: found.leads, conversations: found.conversations };
  }

  /** Erases the contact, their leads and conversations, and every cached answer derived from them. */
  async erase(tenant: string, contactId: string, requestId: string): Promise<ErasureCounts> {
    const found = await this.#gather(tenant, contactId);
    // Caches first: if a store delete then fails, a retry still finds the keys through the stores.
    for (const key of found.cacheKeys) {
      const report = await this.d.cache.delete(key);
      if (report.failures.length > 0)
        throw new ErasureIncompleteError(
          `cache tiers ${report.failures.map((f) => f.tier).join(", ")} did not confirm the delete`,
        );
    }
    const leads = await this.d.leads.deleteByContact(tenant, contactId);
    const conversations = await this.d.conversations.deleteByContact(tenant, contactId);
    await this.d.contacts.delete(tenant, contactId);
    const counts = { contacts: 1, leads, conversations, cacheKeys: found.cacheKeys.length };
    await this.d.log.record({ id: requestId, tenant, kind: "delete", at: this.d.clock.now(), scope: counts });
    return counts;
  }

  async #gather(tenant: string, contactId: string) {
    const contact = await this.d.contacts.get(tenant, contactId);
    if (!contact) throw new ContactNotFoundError(`no contact ${contactId}`);
    const leads = await this.d.leads.listByContact(tenant, contactId);
    const conversations = await this.d.conversations.listByContact(tenant, contactId);
    const keys = new Set<string>(leads.map((l) => l.cacheKey));
    for (const c of conversations) for (const m of c.messages) if (m.cacheKey) keys.add(m.cacheKey);
    return { contact, leads, conversations, cacheKeys: [...keys] };
  }

  async #log(
    tenant: string,
    id: string,
    kind: "export" | "delete",
    f: { leads: unknown[]; conversations: unknown[] },
    cacheKeys: number,
  ) {
    await this.d.log.record({
      id,
      tenant,
      kind,
      at: this.d.clock.now(),
      scope: { contacts: 1, leads: f.leads.length, conversations: f.conversations.length, cacheKeys },
    });
  }
}

export type ErasureCounts = { contacts: number; leads: number; conversations: number; cacheKeys: number };

export class ErasureIncompleteError extends Error {
  readonly code = "erasure_incomplete";
}
