/** Lead qualifications in process memory: for tests and for running with no database. */
import type { LeadRecord, LeadStore } from "../../ports/lead-store.ts";

/** LeadStore over a Map; records are copied in and out so callers cannot alias stored state. */
export class MemoryLeadStore implements LeadStore {
  readonly #leads = new Map<string, LeadRecord>();

  /** Inserts the lead, or replaces the one with the same tenant and id. */
  async save(record: LeadRecord): Promise<void> {
    this.#leads.set(`${record.tenant}\u0000${record.id}`, structuredClone(record));
  }

  /** A copy of the lead, or undefined when it does not exist in this tenant. */
  async get(tenant: string, id: string): Promise<LeadRecord | undefined> {
    const lead = this.#leads.get(`${tenant}\u0000${id}`);
    return lead && structuredClone(lead);
  }

  /** A contact's leads, oldest first (ties by id). */
  async listByContact(tenant: string, contactId: string): Promise<LeadRecord[]> {
    return this.#ofContact(tenant, contactId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((lead) => structuredClone(lead));
  }

  /** Erases every lead of a contact; returns how many. */
  async deleteByContact(tenant: string, contactId: string): Promise<number> {
    const doomed = this.#ofContact(tenant, contactId);
    for (const lead of doomed) this.#leads.delete(`${lead.tenant}\u0000${lead.id}`);
    return doomed.length;
  }

  #ofContact(tenant: string, contactId: string): LeadRecord[] {
    return [...this.#leads.values()].filter((lead) => lead.tenant === tenant && lead.contactId === contactId);
  }
}
