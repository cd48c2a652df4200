import type { Clock } from "../ports/clock.ts";
import type { ContactInput, ContactStore } from "../ports/contact-store.ts";
import type { CrmGateway, CrmUpsertResult } from "../ports/crm-gateway.ts";

export type CrmSyncStatus =
  | { status: "synced"; crmId: string }
  | { status: "failed"; code: string; reason: string; retryAfterMs?: number }
  | { status: "local_only" };

export interface ContactSyncResult {
  index: number;
  id: string;
  status: "created" | "updated";
  crm: CrmSyncStatus;
}

/**
 * Syncs a batch of contacts: each is stored first (idempotent upsert by tenant + email / phone),
 * then pushed to the CRM when one is configured. A CRM failure never loses the stored contact:
 * it is reported per contact, and the contact can be pushed again later.
 */
export class ContactSync {
  readonly #contacts: ContactStore;
  readonly #crm: CrmGateway | undefined;
  readonly #clock: Clock;

  constructor(deps: { contacts: ContactStore; crm?: CrmGateway; clock: Clock }) {
    this.#contacts = deps.contacts;
    this.#crm = deps.crm;
    this.#clock = deps.clock;
  }

  /** Stores every contact, then pushes them to the CRM; one result per contact, in order. */
  async run(tenant: string, contacts: readonly ContactInput[]): Promise<ContactSyncResult[]> {
    const now = this.#clock.now();
    const stored = [];
    for (const c of contacts) stored.push(await this.#contacts.upsert(tenant, c, now));
    const crm = await this.#push(stored.map((s) => s.contact));
    const results: ContactSyncResult[] = [];
    for (const [index, s] of stored.entries()) {
      const outcome = crm[index] ?? { status: "local_only" as const };
      if (outcome.status === "synced" && outcome.crmId !== s.contact.crmId) {
        await this.#contacts.setCrmId(tenant, s.contact.id, outcome.crmId);
      }
      results.push({ index, id: s.contact.id, status: s.created ? "created" : "updated", crm: outcome });
    }
    return results;
  }

  async #push(
    contacts: ReadonlyArray<{
      email?: string;
      phone?: string;
      firstName?: string;
      lastName?: string;
      source?: string;
      tags: string[];
      doNotContact: boolean;
    }>,
  ): Promise<CrmSyncStatus[]> {
    if (!this.#crm) return contacts.map(() => ({ status: "local_only" }));
    let answers: CrmUpsertResult[];
    try {
      answers = await this.#crm.upsertContacts(
        contacts.map((c) => ({
          email: c.email,
          phone: c.phone,
          firstName: c.firstName,
          lastName: c.lastName,
          source: c.source,
          tags: c.tags,
          dnd: c.doNotContact,
        })),
      );
    } catch (err) {
      const reason = (err as Error).message;
      return contacts.map(() => ({ status: "failed", code: "unavailable", reason }));
    }
    return contacts.map((_, i) => {
      const a = answers[i];
      if (!a) return { status: "failed", code: "unavailable", reason: "no answer from the CRM" };
      if (a.ok) return { status: "synced", crmId: a.crmId };
      return {
        status: "failed",
        code: a.code,
        reason: a.message,
        ...(a.retryAfterMs !== undefined ? { retryAfterMs: a.retryAfterMs } : {}),
      };
    });
  }
}
