import type { Clock } from "../ports/clock.ts";
import type { ContactInput, ContactRecord, ContactStore } from "../ports/contact-store.ts";
import type { CrmContact, CrmGateway, CrmUpsertResult } from "../ports/crm-gateway.ts";
import type { OutboxTransaction } from "../ports/crm-outbox.ts";

export type CrmSyncStatus =
  | { status: "synced"; crmId: string }
  /** In the durable outbox: the background sender delivers it (the contact's crmId is set then). */
  | { status: "queued" }
  | { status: "failed"; code: string; reason: string; retryAfterMs?: number }
  | { status: "local_only" };

export interface ContactSyncResult {
  index: number;
  id: string;
  status: "created" | "updated";
  crm: CrmSyncStatus;
}

/** Where synced contacts go after the store: an outbox (durable, delivered later) or a CRM called inline. */
export interface ContactSyncDeps {
  contacts: ContactStore;
  clock: Clock;
  /** Called inline when there is no outbox (the simulated twin); failures are reported, not retried. */
  crm?: CrmGateway;
  /** Stores and queues in one transaction; `queued` tells the sender there is work (optional: it polls). */
  outbox?: { transaction: OutboxTransaction; queued?: () => void };
  /** Without an outbox, stores the batch in one transaction (only its contact store is used), so a batch is never half-stored. */
  batch?: OutboxTransaction;
}

/** A stored contact as the CRM port takes it. */
export function crmContactOf(contact: ContactRecord): CrmContact {
  return {
    email: contact.email,
    phone: contact.phone,
    firstName: contact.firstName,
    lastName: contact.lastName,
    source: contact.source,
    tags: contact.tags,
    // DND is only ever set, never cleared, from here: a sync must not undo a DND the team set in the CRM.
    ...(contact.doNotContact ? { dnd: true } : {}),
  };
}

/**
 * Syncs a batch of contacts: each is stored first (idempotent upsert by tenant + email / phone), then
 * handed to the CRM. With an outbox, storing and queueing are one transaction and every contact is
 * answered "queued": none is lost to a CRM outage or a crash, and no CRM call holds up the request.
 * Without one, the CRM is called inline and a failure is reported per contact.
 */
export class ContactSync {
  readonly #deps: ContactSyncDeps;

  constructor(deps: ContactSyncDeps) {
    this.#deps = deps;
  }

  /** Stores every contact, then queues or pushes them to the CRM; one result per contact, in order. */
  async run(tenant: string, contacts: readonly ContactInput[]): Promise<ContactSyncResult[]> {
    const now = this.#deps.clock.now();
    const outbox = this.#deps.outbox;
    if (outbox) {
      const stored = await outbox.transaction.run(async (scope) => {
        const saved = [];
        for (const c of contacts) saved.push(await scope.contacts.upsert(tenant, c, now));
        await scope.outbox.enqueue(tenant, [...new Set(saved.map((s) => s.contact.id))], now);
        return saved;
      });
      outbox.queued?.();
      return stored.map((s, index) => ({
        index,
        id: s.contact.id,
        status: s.created ? "created" : "updated",
        crm: { status: "queued" },
      }));
    }
    const upsertAll = async (store: ContactStore) => {
      const saved = [];
      for (const c of contacts) saved.push(await store.upsert(tenant, c, now));
      return saved;
    };
    const batch = this.#deps.batch;
    const stored = batch
      ? await batch.run((scope) => upsertAll(scope.contacts))
      : await upsertAll(this.#deps.contacts);
    const crm = await this.#push(stored.map((s) => s.contact));
    const results: ContactSyncResult[] = [];
    for (const [index, s] of stored.entries()) {
      const outcome = crm[index] ?? { status: "local_only" as const };
      if (outcome.status === "synced" && outcome.crmId !== s.contact.crmId) {
        await this.#deps.contacts.setCrmId(tenant, s.contact.id, outcome.crmId);
      }
      results.push({ index, id: s.contact.id, status: s.created ? "created" : "updated", crm: outcome });
    }
    return results;
  }

  async #push(contacts: readonly ContactRecord[]): Promise<CrmSyncStatus[]> {
    const crm = this.#deps.crm;
    if (!crm) return contacts.map(() => ({ status: "local_only" }));
    let answers: CrmUpsertResult[];
    try {
      answers = await crm.upsertContacts(contacts.map(crmContactOf));
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
