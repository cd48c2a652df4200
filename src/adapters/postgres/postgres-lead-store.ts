/** Lead qualifications in PostgreSQL / PGlite; the qualification itself is JSONB. */
import type { LeadRecord, LeadStore } from "../../ports/lead-store.ts";
import type { Qualification } from "../../ports/qualification.ts";
import type { SqlQueryable } from "./sql-client.ts";

interface LeadRow {
  tenant: string;
  id: string;
  contact_id: string | null;
  cache_key: string;
  qualification: Qualification;
  score: number;
  temperature: LeadRecord["temperature"];
  model: string;
  created_at: string | number;
}

const COLUMNS = "tenant, id, contact_id, cache_key, qualification, score, temperature, model, created_at";

// Saving a lead again replaces it (a re-qualification keeps its id).
const SAVE = `
  INSERT INTO leads (${COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
  ON CONFLICT (tenant, id) DO UPDATE SET
    contact_id = EXCLUDED.contact_id, cache_key = EXCLUDED.cache_key,
    qualification = EXCLUDED.qualification, score = EXCLUDED.score,
    temperature = EXCLUDED.temperature, model = EXCLUDED.model, created_at = EXCLUDED.created_at`;

function toRecord(row: LeadRow): LeadRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    ...(row.contact_id !== null && { contactId: row.contact_id }),
    cacheKey: row.cache_key,
    qualification: row.qualification,
    score: Number(row.score),
    temperature: row.temperature,
    model: row.model,
    createdAt: Number(row.created_at),
  };
}

/** LeadStore over the `leads` table. */
export class PostgresLeadStore implements LeadStore {
  readonly #sql: SqlQueryable;

  constructor(sql: SqlQueryable) {
    this.#sql = sql;
  }

  /** Inserts the lead, or replaces the one with the same tenant and id. */
  async save(record: LeadRecord): Promise<void> {
    await this.#sql.query(SAVE, [
      record.tenant,
      record.id,
      record.contactId ?? null,
      record.cacheKey,
      JSON.stringify(record.qualification),
      record.score,
      record.temperature,
      record.model,
      record.createdAt,
    ]);
  }

  /** The lead, or undefined when it does not exist in this tenant. */
  async get(tenant: string, id: string): Promise<LeadRecord | undefined> {
    const [row] = await this.#sql.query<LeadRow>(
      `SELECT ${COLUMNS} FROM leads WHERE tenant = $1 AND id = $2`,
      [tenant, id],
    );
    return row && toRecord(row);
  }

  /** A contact's leads, oldest first. */
  async listByContact(tenant: string, contactId: string): Promise<LeadRecord[]> {
    const rows = await this.#sql.query<LeadRow>(
      `SELECT ${COLUMNS} FROM leads WHERE tenant = $1 AND contact_id = $2 ORDER BY created_at, id COLLATE "C"`,
      [tenant, contactId],
    );
    return rows.map(toRecord);
  }

  /** Erases every lead of a contact; returns how many. */
  async deleteByContact(tenant: string, contactId: string): Promise<number> {
    const rows = await this.#sql.query(
      "DELETE FROM leads WHERE tenant = $1 AND contact_id = $2 RETURNING id",
      [tenant, contactId],
    );
    return rows.length;
  }
}
