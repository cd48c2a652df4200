import type { ErasureLog, ErasureRecord } from "../../ports/erasure-log.ts";
import type { SqlQueryable } from "./sql-client.ts";

interface Row {
  id: string;
  tenant: string;
  kind: ErasureRecord["kind"];
  at: string | number;
  scope: ErasureRecord["scope"];
}

/** ErasureLog over the `privacy_requests` table. */
export class PostgresErasureLog implements ErasureLog {
  readonly #sql: SqlQueryable;

  constructor(sql: SqlQueryable) {
    this.#sql = sql;
  }

  /** Records one request (idempotent by id). */
  async record(e: ErasureRecord): Promise<void> {
    await this.#sql.query(
      "INSERT INTO privacy_requests (id, tenant, kind, at, scope) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (id) DO NOTHING",
      [e.id, e.tenant, e.kind, e.at, JSON.stringify(e.scope)],
    );
  }

  /** A tenant's requests, oldest first. */
  async list(tenant: string): Promise<ErasureRecord[]> {
    const rows = await this.#sql.query<Row>(
      "SELECT id, tenant, kind, at, scope FROM privacy_requests WHERE tenant = $1 ORDER BY at, id",
      [tenant],
    );
    return rows.map((r) => ({ id: r.id, tenant: r.tenant, kind: r.kind, at: Number(r.at), scope: r.scope }));
  }
}
