/** The CRM outbox in process memory: for tests and the simulated twin (it does not survive a restart). */
import { randomUUID } from "node:crypto";
import type { ContactStore } from "../../ports/contact-store.ts";
import type {
  CrmOutbox,
  DeadLetter,
  OutboxEntry,
  OutboxRetry,
  OutboxScope,
  OutboxTransaction,
} from "../../ports/crm-outbox.ts";

interface Row extends OutboxEntry {
  state: "pending" | "dead";
  updatedAt: number;
}

/** CrmOutbox over a Map, with the same lease and version rules as the SQL outbox. */
export class MemoryCrmOutbox implements CrmOutbox {
  readonly #rows = new Map<string, Row>();

  /** Queues each contact, or bumps the version of its pending entry. */
  async enqueue(tenant: string, contactIds: readonly string[], now: number): Promise<void> {
    for (const contactId of new Set(contactIds)) {
      const pending = [...this.#rows.values()].find(
        (r) => r.state === "pending" && r.tenant === tenant && r.contactId === contactId,
      );
      if (pending) {
        pending.version += 1;
        pending.updatedAt = now;
        continue;
      }
      const id = randomUUID();
      this.#rows.set(id, {
        id,
        tenant,
        contactId,
        version: 1,
        attempts: 0,
        nextAttemptAt: now,
        enqueuedAt: now,
        state: "pending",
        updatedAt: now,
      });
    }
  }

  /** Leases up to `limit` due entries whose lease is free or expired, oldest due first. */
  async claim(owner: string, limit: number, now: number, leaseMs: number): Promise<OutboxEntry[]> {
    const due = [...this.#rows.values()]
      .filter(
        (r) =>
          r.state === "pending" &&
          r.nextAttemptAt <= now &&
          (r.leasedUntil === undefined || r.leasedUntil <= now),
      )
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.enqueuedAt - b.enqueuedAt)
      .slice(0, Math.max(0, limit));
    for (const r of due) {
      r.leaseOwner = owner;
      r.leasedUntil = now + leaseMs;
    }
    return due.map(toEntry);
  }

  /** Removes the delivered entry unless its lease was lost or its version moved on. */
  async complete(entry: OutboxEntry, now: number): Promise<boolean> {
    const row = this.#held(entry);
    if (!row) return false;
    if (row.version !== entry.version) return this.#release(row, now);
    this.#rows.delete(row.id);
    return true;
  }

  /** Releases the entry, due again at `retry.at`. */
  async reschedule(entry: OutboxEntry, retry: OutboxRetry, now: number): Promise<boolean> {
    const row = this.#held(entry);
    if (!row) return false;
    row.nextAttemptAt = retry.at;
    row.attempts = retry.attempts;
    if (retry.reason !== undefined) row.lastError = retry.reason;
    this.#release(row, now);
    return true;
  }

  /** Moves the entry to the dead letters unless its lease was lost or its version moved on. */
  async bury(
    entry: OutboxEntry,
    failure: { attempts: number; reason: string },
    now: number,
  ): Promise<boolean> {
    const row = this.#held(entry);
    if (!row) return false;
    if (row.version !== entry.version) return this.#release(row, now);
    Object.assign(row, { state: "dead", attempts: failure.attempts, lastError: failure.reason });
    this.#release(row, now);
    return true;
  }

  /** The tenant's dead letters, oldest failure first. */
  async deadLetters(tenant: string): Promise<DeadLetter[]> {
    return [...this.#rows.values()]
      .filter((r) => r.state === "dead" && r.tenant === tenant)
      .sort((a, b) => a.updatedAt - b.updatedAt)
      .map((r) => ({
        id: r.id,
        tenant: r.tenant,
        contactId: r.contactId,
        attempts: r.attempts,
        reason: r.lastError ?? "",
        failedAt: r.updatedAt,
      }));
  }

  /** Entries still to deliver. */
  async pendingCount(): Promise<number> {
    return [...this.#rows.values()].filter((r) => r.state === "pending").length;
  }

  #held(entry: OutboxEntry): Row | undefined {
    const row = this.#rows.get(entry.id);
    return row?.state === "pending" && row.leaseOwner === entry.leaseOwner && row.leaseOwner !== undefined
      ? row
      : undefined;
  }

  /** Clears the lease; false, for callers reporting that the entry was not settled. */
  #release(row: Row, now: number): false {
    delete row.leaseOwner;
    delete row.leasedUntil;
    row.updatedAt = now;
    return false;
  }
}

/** The memory stores as one "unit of work": nothing to roll back, since a crash loses both anyway. */
export class MemoryOutboxTransaction implements OutboxTransaction {
  readonly #scope: OutboxScope;

  constructor(contacts: ContactStore, outbox: CrmOutbox) {
    this.#scope = { contacts, outbox };
  }

  /** Runs `work` on the memory stores. */
  run<T>(work: (scope: OutboxScope) => Promise<T>): Promise<T> {
    return work(this.#scope);
  }
}

function toEntry(row: Row): OutboxEntry {
  const { state: _state, updatedAt: _updatedAt, ...entry } = row;
  return { ...entry };
}
