/** Contacts in PostgreSQL / PGlite: one row per (tenant, identity), upserted atomically. */
import { randomUUID } from "node:crypto";
import type { ContactInput, ContactRecord, ContactStore } from "../../ports/contact-store.ts";
import { contactIdentity, normalizeTags } from "./contact-identity.ts";
import type { SqlQueryable } from "./sql-client.ts";

interface ContactRow {
  tenant: string;
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  source: string | null;
  tags: string[];
  do_not_contact: boolean;
  crm_id: string | null;
  created_at: string | number;
  updated_at: string | number;
  created?: boolean;
}

const COLUMNS = `tenant, id, email, phone, first_name, last_name, source, tags, do_not_contact, crm_id,
                 created_at, updated_at`;

// One statement, so two concurrent upserts of one person cannot create two rows. Given fields
// overwrite (COALESCE keeps the stored value for a field not given); new tags are appended in the
// order given, after the stored ones. xmax = 0 only on a freshly inserted row version.
const UPSERT = `
  INSERT INTO contacts (tenant, id, identity, email, phone, first_name, last_name, source, tags,
                        do_not_contact, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, $10, $10)
  ON CONFLICT (tenant, identity) DO UPDATE SET
    email = COALESCE(EXCLUDED.email, contacts.email),
    phone = COALESCE(EXCLUDED.phone, contacts.phone),
    first_name = COALESCE(EXCLUDED.first_name, contacts.first_name),
    last_name = COALESCE(EXCLUDED.last_name, contacts.last_name),
    source = COALESCE(EXCLUDED.source, contacts.source),
    tags = contacts.tags || ARRAY(
      SELECT added.tag FROM unnest(EXCLUDED.tags) WITH ORDINALITY AS added(tag, position)
      WHERE added.tag <> ALL (contacts.tags) ORDER BY added.position
    ),
    updated_at = EXCLUDED.updated_at
  RETURNING ${COLUMNS}, (xmax = 0) AS created`;

/** Absent optional fields stay absent (not null), so records compare equal across stores. */
function toRecord(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    ...(row.email !== null && { email: row.email }),
    ...(row.phone !== null && { phone: row.phone }),
    ...(row.first_name !== null && { firstName: row.first_name }),
    ...(row.last_name !== null && { lastName: row.last_name }),
    ...(row.source !== null && { source: row.source }),
    tags: row.tags,
    doNotContact: row.do_not_contact,
    ...(row.crm_id !== null && { crmId: row.crm_id }),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** ContactStore over the `contacts` table. */
export class PostgresContactStore implements ContactStore {
  readonly #sql: SqlQueryable;

  constructor(sql: SqlQueryable) {
    this.#sql = sql;
  }

  /** Creates the contact, or updates the one with the same identity; `created` says which. */
  async upsert(
    tenant: string,
    input: ContactInput,
    now: number,
  ): Promise<{ contact: ContactRecord; created: boolean }> {
    const [row] = await this.#sql.query<ContactRow>(UPSERT, [
      tenant,
      randomUUID(),
      contactIdentity(input),
      input.email?.trim() || null,
      input.phone?.trim() || null,
      input.firstName ?? null,
      input.lastName ?? null,
      input.source ?? null,
      normalizeTags(input.tags),
      now,
    ]);
    if (!row) throw new Error("contact upsert returned no row");
    return { contact: toRecord(row), created: row.created === true };
  }

  /** The contact, or undefined when it does not exist in this tenant. */
  async get(tenant: string, id: string): Promise<ContactRecord | undefined> {
    const [row] = await this.#sql.query<ContactRow>(
      `SELECT ${COLUMNS} FROM contacts WHERE tenant = $1 AND id = $2`,
      [tenant, id],
    );
    return row && toRecord(row);
  }

  /** Links the contact to its CRM record (a no-op for an unknown contact). */
  async setCrmId(tenant: string, id: string, crmId: string): Promise<void> {
    await this.#sql.query("UPDATE contacts SET crm_id = $3 WHERE tenant = $1 AND id = $2", [
      tenant,
      id,
      crmId,
    ]);
  }

  /** Records an opt-out (or its reversal). */
  async setDoNotContact(tenant: string, id: string, doNotContact: boolean): Promise<void> {
    await this.#sql.query("UPDATE contacts SET do_not_contact = $3 WHERE tenant = $1 AND id = $2", [
      tenant,
      id,
      doNotContact,
    ]);
  }

  /** Erases the contact; true when it existed. */
  async delete(tenant: string, id: string): Promise<boolean> {
    const rows = await this.#sql.query("DELETE FROM contacts WHERE tenant = $1 AND id = $2 RETURNING id", [
      tenant,
      id,
    ]);
    return rows.length > 0;
  }
}
