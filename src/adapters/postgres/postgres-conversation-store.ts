/** Conversations in PostgreSQL / PGlite: histories as JSONB, saves guarded by a version check. */
import {
  type BotName,
  ConversationConflictError,
  type ConversationMessage,
  type ConversationRecord,
  type ConversationStore,
  type HandoffRecord,
} from "../../ports/conversation-store.ts";
import type { Qualification } from "../../ports/qualification.ts";
import type { SqlParam, SqlQueryable } from "./sql-client.ts";

interface ConversationRow {
  tenant: string;
  id: string;
  contact_id: string | null;
  time_zone: string | null;
  current_bot: BotName;
  visited: BotName[];
  handoffs: HandoffRecord[];
  messages: ConversationMessage[];
  qualification: Qualification | null;
  status: ConversationRecord["status"];
  created_at: string | number;
  updated_at: string | number;
  version: number;
}

const COLUMNS = `tenant, id, contact_id, current_bot, visited, handoffs, messages, qualification, status,
                 created_at, updated_at, version, time_zone`;

const INSERT = `
  INSERT INTO conversations (${COLUMNS})
  VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13)
  ON CONFLICT (tenant, id) DO NOTHING
  RETURNING id`;

// Compare-and-swap: the row changes only if nobody saved since `record` was read.
const SAVE = `
  UPDATE conversations SET
    contact_id = $3, current_bot = $4, visited = $5::jsonb, handoffs = $6::jsonb, messages = $7::jsonb,
    qualification = $8::jsonb, status = $9, created_at = $10, updated_at = $11, version = $12, time_zone = $13
  WHERE tenant = $1 AND id = $2 AND version = $12 - 1
  RETURNING id`;

function toParams(record: ConversationRecord): SqlParam[] {
  return [
    record.tenant,
    record.id,
    record.contactId ?? null,
    record.currentBot,
    JSON.stringify(record.visited),
    JSON.stringify(record.handoffs),
    JSON.stringify(record.messages),
    record.qualification === undefined ? null : JSON.stringify(record.qualification),
    record.status,
    record.createdAt,
    record.updatedAt,
    record.version,
    record.timeZone ?? null,
  ];
}

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    ...(row.contact_id !== null && { contactId: row.contact_id }),
    ...(row.time_zone !== null && { timeZone: row.time_zone }),
    currentBot: row.current_bot,
    visited: row.visited,
    handoffs: row.handoffs,
    messages: row.messages,
    ...(row.qualification !== null && { qualification: row.qualification }),
    status: row.status,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: Number(row.version),
  };
}

/** ConversationStore over the `conversations` table. */
export class PostgresConversationStore implements ConversationStore {
  readonly #sql: SqlQueryable;

  constructor(sql: SqlQueryable) {
    this.#sql = sql;
  }

  /** Stores a new conversation; an id already taken in the tenant is a ConversationConflictError. */
  async create(record: ConversationRecord): Promise<void> {
    const rows = await this.#sql.query(INSERT, toParams(record));
    if (rows.length === 0) throw new ConversationConflictError(`conversation ${record.id} already exists`);
  }

  /** The conversation, or undefined when it does not exist in this tenant. */
  async get(tenant: string, id: string): Promise<ConversationRecord | undefined> {
    const [row] = await this.#sql.query<ConversationRow>(
      `SELECT ${COLUMNS} FROM conversations WHERE tenant = $1 AND id = $2`,
      [tenant, id],
    );
    return row && toRecord(row);
  }

  /** Saves `record` if the stored version is `record.version - 1`; else throws ConversationConflictError. */
  async save(record: ConversationRecord): Promise<void> {
    const rows = await this.#sql.query(SAVE, toParams(record));
    if (rows.length === 0) {
      throw new ConversationConflictError(
        `conversation ${record.id} is not at version ${record.version - 1} (changed or missing)`,
      );
    }
  }

  /** Every conversation of a contact, oldest first. */
  async listByContact(tenant: string, contactId: string): Promise<ConversationRecord[]> {
    const rows = await this.#sql.query<ConversationRow>(
      `SELECT ${COLUMNS} FROM conversations WHERE tenant = $1 AND contact_id = $2 ORDER BY created_at, id`,
      [tenant, contactId],
    );
    return rows.map(toRecord);
  }

  /** Erases every conversation of a contact; returns how many. */
  async deleteByContact(tenant: string, contactId: string): Promise<number> {
    const rows = await this.#sql.query(
      "DELETE FROM conversations WHERE tenant = $1 AND contact_id = $2 RETURNING id",
      [tenant, contactId],
    );
    return rows.length;
  }
}
