import type { ContactStore } from "./contact-store.ts";

/**
 * A contact waiting to be pushed to the CRM, as a sender claimed it. The row names the contact, not
 * its data: the sender reads the contact when it sends, so it always sends the latest version.
 */
export interface OutboxEntry {
  id: string;
  tenant: string;
  contactId: string;
  /** Bumped by every enqueue of the same contact, so a change made while a send is in flight is not lost. */
  version: number;
  /** Failed deliveries so far (waits for the CRM's rate limit are not failures). */
  attempts: number;
  /** Not due before this time (ms since the epoch). */
  nextAttemptAt: number;
  enqueuedAt: number;
  /** Why the latest attempt failed, if one did. */
  lastError?: string;
  /** The sender holding the entry, and until when: past it, another sender may claim it. */
  leaseOwner?: string;
  leasedUntil?: number;
}

/** A contact the outbox gave up on, kept with the reason for an operator to look at. */
export interface DeadLetter {
  id: string;
  tenant: string;
  contactId: string;
  attempts: number;
  reason: string;
  failedAt: number;
}

/** When and why to try an entry again. */
export interface OutboxRetry {
  at: number;
  attempts: number;
  /** Kept as the entry's last error; omitted keeps the previous one. */
  reason?: string;
}

/**
 * The durable queue of contacts still to reach the CRM (PostgreSQL in production). At most one
 * pending entry per contact; entries are leased to one sender at a time, so two instances never
 * send the same entry at once, and an entry whose sender died is claimable again once its lease ends.
 * Every change to a claimed entry checks the lease (owner) and applies to that entry only.
 */
export interface CrmOutbox {
  /** Queues each contact for delivery, due at `now`; a contact already pending gets its version bumped instead. */
  enqueue(tenant: string, contactIds: readonly string[], now: number): Promise<void>;
  /** Leases up to `limit` due, unleased (or lease-expired) entries to `owner` until `now + leaseMs`, oldest due first. */
  claim(owner: string, limit: number, now: number, leaseMs: number): Promise<OutboxEntry[]>;
  /**
   * Removes a delivered entry. False when the lease was lost, or when the entry's version moved on
   * meanwhile: then it is released, still pending, so the newer version is sent too.
   */
  complete(entry: OutboxEntry, now: number): Promise<boolean>;
  /** Releases the lease and makes the entry due again at `retry.at`; false when the lease was lost. */
  reschedule(entry: OutboxEntry, retry: OutboxRetry, now: number): Promise<boolean>;
  /** Moves the entry to the dead letters with its reason; false, as `complete`, when the lease was lost or the version moved on. */
  bury(entry: OutboxEntry, failure: { attempts: number; reason: string }, now: number): Promise<boolean>;
  /** The tenant's dead letters, oldest failure first. */
  deadLetters(tenant: string): Promise<DeadLetter[]>;
  /** How many entries are pending (due or not, leased or not). */
  pendingCount(): Promise<number>;
}

/** The contact store and the outbox as one unit of work: what `run` stores and queues commits together or not at all. */
export interface OutboxScope {
  contacts: ContactStore;
  outbox: CrmOutbox;
}

/** Runs work that stores contacts and queues them for the CRM atomically (one SQL transaction). */
export interface OutboxTransaction {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  run<T>(work: (scope: OutboxScope) => Promise<T>): Promise<T>;
}

export const CRM_OUTBOX = Symbol.for("eh.CrmOutbox");
export const OUTBOX_TRANSACTION = Symbol.for("eh.OutboxTransaction");
