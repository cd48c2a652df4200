/**
 * The CRM outbox over the `crm_outbox` table (PostgreSQL and PGlite), and the transaction that
 * stores contacts and queues them together. Claims use FOR UPDATE SKIP LOCKED plus a lease, so
 * concurrent senders never take the same row, and a crashed sender's rows come back when the lease ends.
 */
import { randomUUID } from "node:crypto";
import type {
  CrmOutbox,
  DeadLetter,
  OutboxEntry,
  OutboxRetry,
  OutboxScope,
  OutboxTransaction,
} from "../../ports/crm-outbox.ts";
import { PostgresContactStore } from "./postgres-contact-store.ts";
import type { SqlClient, SqlQueryable } from "./sql-client.ts";

interface OutboxRow {
  id: string;
  tenant: string;
  contact_id: string;
  version: number;
  attempts: number;
  next_attempt_at: string | number;
  enqueued_at: string | number;
  last_error: string | null;
  lease_owner: string | null;
  leased_until: string | number | null;
  updated_at: string | number;
}

const COLUMNS = `id, tenant, contact_id, version, attempts, next_attempt_at, enqueued_at, last_error,
                 lease_owner, leased_until, updated_at`;

// One pending row per contact (a partial unique index): queueing a pending contact again bumps its
// version, so a sender that is sending the older version does not remove the row when it completes.
const ENQUEUE = `
  INSERT INTO crm_outbox (id, tenant, contact_id, state, version, attempts, next_attempt_at, enqueued_at, updated_at)
  VALUES ($1, $2, $3, 'pending', 1, 0, $4, $4, $4)
  ON CONFLICT (tenant, contact_id) WHERE state = 'pending' DO UPDATE SET
    version = crm_outbox.version + 1,
    updated_at = EXCLUDED.updated_at`;

// SKIP LOCKED: a row another sender is claiming right now is passed over rather than waited for;
// once claimed, its lease keeps it out of every other claim until it expires.
const CLAIM = `
  UPDATE crm_outbox SET lease_owner = $1, leased_until = $2::bigint + $3::bigint
  WHERE id IN (
    SELECT id FROM crm_outbox
    WHERE state = 'pending' AND next_attempt_at <= $2 AND (leased_until IS NULL OR leased_until <= $2)
    ORDER BY next_attempt_at, enqueued_at, id
    LIMIT $4
    FOR UPDATE SKIP LOCKED
  )
  RETURNING ${COLUMNS}`;

const RELEASE = `UPDATE crm_outbox SET lease_owner = NULL, leased_until = NULL, updated_at = $3
  WHERE id = $1 AND lease_owner = $2 AND state = 'pending'`;

/** CrmOutbox over SQL; give it a transaction's queryable to take part in that transaction. */
export class PostgresCrmOutbox implements CrmOutbox {
  readonly #sql: SqlQueryable;

  constructor(sql: SqlQueryable) {
    this.#sql = sql;
  }

  /** Queues each contact (each must exist in `contacts`), or bumps the version of its pending entry. */
  async enqueue(tenant: string, contactIds: readonly string[], now: number): Promise<void> {
    for (const contactId of new Set(contactIds)) {
      await this.#sql.query(ENQUEUE, [randomUUID(), tenant, contactId, now]);
    }
  }

  /** Leases up to `limit` due entries whose lease is free or expired, oldest due first. */
  async claim(owner: string, limit: number, now: number, leaseMs: number): Promise<OutboxEntry[]> {
    if (limit <= 0) return [];
    const rows = await this.#sql.query<OutboxRow>(CLAIM, [owner, now, leaseMs, limit]);
    return rows.map(toEntry).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.enqueuedAt - b.enqueuedAt);
  }

  /** Removes the delivered entry unless its lease was lost or its version moved on (then releases it). */
  async complete(entry: OutboxEntry, now: number): Promise<boolean> {
    const deleted = await this.#sql.query(
      `DELETE FROM crm_outbox WHERE id = $1 AND lease_owner = $2 AND version = $3 AND state = 'pending'
       RETURNING id`,
      [entry.id, entry.leaseOwner ?? null, entry.version],
    );
    if (deleted.length > 0) return true;
    await this.#sql.query(RELEASE, [entry.id, entry.leaseOwner ?? null, now]);
    return false;
  }

  /** Releases the entry, due again at `retry.at`. */
  async reschedule(entry: OutboxEntry, retry: OutboxRetry, now: number): Promise<boolean> {
    const rows = await this.#sql.query(
      `UPDATE crm_outbox SET next_attempt_at = $3, attempts = $4, last_error = COALESCE($5, last_error),
         lease_owner = NULL, leased_until = NULL, updated_at = $6
       WHERE id = $1 AND lease_owner = $2 AND state = 'pending' RETURNING id`,
      [entry.id, entry.leaseOwner ?? null, retry.at, retry.attempts, retry.reason ?? null, now],
    );
    return rows.length > 0;
  }

  /** Moves the entry to the dead letters unless its lease was lost or its version moved on (then releases it). */
  async bury(
    entry: OutboxEntry,
    failure: { attempts: number; reason: string },
    now: number,
  ): Promise<boolean> {
    const rows = await this.#sql.query(
      `UPDATE crm_outbox SET state = 'dead', attempts = $4, last_error = $5,
         lease_owner = NULL, leased_until = NULL, updated_at = $6
       WHERE id = $1 AND lease_owner = $2 AND version = $3 AND state = 'pending' RETURNING id`,
      [entry.id, entry.leaseOwner ?? null, entry.version, failure.attempts, failure.reason, now],
    );
    if (rows.length > 0) return true;
    await this.#sql.query(RELEASE, [entry.id, entry.leaseOwner ?? null, now]);
    return false;
  }

  /** The tenant's dead letters, oldest failure first. */
  async deadLetters(tenant: string): Promise<DeadLetter[]> {
    const rows = await this.#sql.query<OutboxRow>(
      `SELECT ${COLUMNS} FROM crm_outbox WHERE tenant = $1 AND state = 'dead' ORDER BY updated_at, id`,
      [tenant],
    );
    return rows.map((r) => ({
      id: r.id,
      tenant: r.tenant,
      contactId: r.contact_id,
      attempts: r.attempts,
      reason: r.last_error ?? "",
      failedAt: Number(r.updated_at),
    }));
  }

  /** Entries still to deliver. */
  async pendingCount(): Promise<number> {
    const [row] = await this.#sql.query<{ n: string | number }>(
      "SELECT count(*) AS n FROM crm_outbox WHERE state = 'pending'",
    );
    return Number(row?.n ?? 0);
  }
}

/** Stores contacts and queues them in one SQL transaction: a contact is never stored without its entry. */
export class PostgresOutboxTransaction implements OutboxTransaction {
  readonly #sql: SqlClient;

  constructor(sql: SqlClient) {
    this.#sql = sql;
  }

  /** Runs `work` with a contact store and an outbox bound to one transaction. */
  run<T>(work: (scope: OutboxScope) => Promise<T>): Promise<T> {
    return this.#sql.transaction((tx) =>
      work({ contacts: new PostgresContactStore(tx), outbox: new PostgresCrmOutbox(tx) }),
    );
  }
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    tenant: row.tenant,
    contactId: row.contact_id,
    version: row.version,
    attempts: row.attempts,
    nextAttemptAt: Number(row.next_attempt_at),
    enqueuedAt: Number(row.enqueued_at),
    ...(row.last_error !== null && { lastError: row.last_error }),
    ...(row.lease_owner !== null && { leaseOwner: row.lease_owner }),
    ...(row.leased_until !== null && { leasedUntil: Number(row.leased_until) }),
  };
}
