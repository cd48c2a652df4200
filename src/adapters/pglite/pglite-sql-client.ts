/**
 * SqlClient over PGlite (PostgreSQL compiled to WASM, in process): the embedded default when no
 * DATABASE_URL is set. It runs the very statements and migrations the pg.Pool client runs.
 */
import { PGlite } from "@electric-sql/pglite";
import {
  assertSchemaName,
  type SqlClient,
  type SqlParam,
  type SqlQueryable,
} from "../postgres/sql-client.ts";
import { asStoreError, StoreUnavailableError } from "../postgres/store-unavailable-error.ts";

export interface PgliteSqlClientOptions {
  /** Directory to persist the database in; in memory when absent. */
  dataDir?: string;
  /** Schema to create (if missing) and work in; default "public". */
  schema?: string;
}

/** Anything with PGlite's query method: the instance itself or one of its transactions. */
type PgliteQueryTarget = Pick<PGlite, "query">;

function queryOn(target: PgliteQueryTarget): SqlQueryable["query"] {
  return async <Row extends object>(text: string, params: readonly SqlParam[] = []) => {
    try {
      return (await target.query<Row>(text, [...params])).rows;
    } catch (err) {
      throw asStoreError(err, "PGlite");
    }
  };
}

/** SqlClient over one PGlite instance (one connection: statements run one at a time). */
export class PgliteSqlClient implements SqlClient {
  readonly #db: PGlite;
  readonly #query: SqlQueryable["query"];

  /** Wraps an open instance; prefer `open`, which also selects the schema. */
  constructor(db: PGlite) {
    this.#db = db;
    this.#query = queryOn(db);
  }

  /** Starts PGlite (takes seconds: share one instance) and selects `schema`. */
  static async open(options: PgliteSqlClientOptions = {}): Promise<PgliteSqlClient> {
    const db = new PGlite(options.dataDir);
    const client = new PgliteSqlClient(db);
    if (options.schema) {
      const schema = assertSchemaName(options.schema);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      // One connection, so a session-level search_path holds for every later statement.
      await client.query(`SET search_path TO "${schema}"`);
    }
    return client;
  }

  /** Runs one statement. */
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: readonly SqlParam[],
  ): Promise<Row[]> {
    if (this.#db.closed) return Promise.reject(new StoreUnavailableError("PGlite is closed"));
    return this.#query<Row>(text, params);
  }

  /** Runs `fn` in one transaction; PGlite holds its lock meanwhile, so use only `tx` inside. */
  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    if (this.#db.closed) throw new StoreUnavailableError("PGlite is closed");
    try {
      return await this.#db.transaction((tx) => fn({ query: queryOn(tx) }));
    } catch (err) {
      throw asStoreError(err, "PGlite");
    }
  }

  /** Closes the database (flushing it to `dataDir` when persisted); closing twice is harmless. */
  async close(): Promise<void> {
    if (!this.#db.closed) await this.#db.close();
  }
}
