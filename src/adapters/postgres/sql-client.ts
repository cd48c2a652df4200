/**
 * The one seam between the SQL adapters and a database driver: the same statements and migrations
 * run over a pg.Pool (PostgreSQL server) and over PGlite (PostgreSQL in WASM).
 */
import pg from "pg";
import { asStoreError } from "./store-unavailable-error.ts";

/** A value bound to a `$n` placeholder. JSON goes in as a string with a `::jsonb` cast. */
export type SqlParam = string | number | boolean | null | readonly string[];

/** Something that runs one parameterised statement and returns its rows. */
export interface SqlQueryable {
  /** Runs one statement; `params` bind to `$1..$n` (values are never interpolated into `text`). */
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: readonly SqlParam[],
  ): Promise<Row[]>;
}

/** A database connection (or pool of them) with transactions. */
export interface SqlClient extends SqlQueryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Releases every connection; the client cannot be used afterwards. */
  close(): Promise<void>;
}

export interface PostgresSqlClientOptions {
  connectionString: string;
  /** Schema every connection works in (search_path); created by whoever owns it. Default: the server's. */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
  /** How long to wait for a connection before failing. Default 2000 ms. */
  connectionTimeoutMs?: number;
  /** Server-side statement_timeout and client-side query timeout. Default 2000 ms. */
  statementTimeoutMs?: number;
  /** How long an idle connection stays in the pool. Default 30 s. */
  idleTimeoutMs?: number;
  /** Shown in pg_stat_activity. Default "enterprisehub". */
  applicationName?: string;
  /** Told about errors on idle connections (the pool drops them); default: ignored. */
  onIdleError?: (err: Error) => void;
}

// Lower-case only: an unquoted search_path folds case, a quoted identifier does not.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `schema` is a plain identifier, safe inside a connection option and a DDL statement. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`invalid schema name: ${JSON.stringify(schema)}`);
  return schema;
}

/** SqlClient over a pg.Pool, with bounded waits so an unreachable server fails fast. */
export class PostgresSqlClient implements SqlClient {
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(options: PostgresSqlClientOptions) {
    const statementTimeout = options.statementTimeoutMs ?? 2_000;
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 2_000,
      idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
      statement_timeout: statementTimeout,
      // The client-side timeout is a backstop for a server that stops answering altogether.
      query_timeout: statementTimeout + 500,
      application_name: options.applicationName ?? "enterprisehub",
      ...(options.schema ? { options: `-c search_path=${assertSchemaName(options.schema)}` } : {}),
    });
    // An idle client whose server goes away emits "error" on the pool; unhandled, it would crash the process.
    const onIdleError = options.onIdleError ?? (() => {});
    this.#pool.on("error", onIdleError);
  }

  /** Runs one statement on any pooled connection. */
  async query<Row extends object = Record<string, unknown>>(
    text: string,
    params: readonly SqlParam[] = [],
  ): Promise<Row[]> {
    try {
      const result = await this.#pool.query<Row>(text, params as unknown[]);
      return result.rows;
    } catch (err) {
      throw asStoreError(err, "PostgreSQL");
    }
  }

  /** Runs `fn` on one dedicated connection inside BEGIN / COMMIT. */
  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (err) {
      throw asStoreError(err, "PostgreSQL");
    }
    const tx: SqlQueryable = {
      query: async <Row extends object>(text: string, params: readonly SqlParam[] = []) =>
        (await client.query<Row>(text, params as unknown[])).rows,
    };
    let broken: Error | undefined;
    // A checked-out client has no pool listener: a connection lost mid-transaction would emit an
    // unhandled "error" and crash the process. The statement in flight rejects with it anyway.
    const onLost = (err: Error): void => {
      broken = err;
    };
    client.on("error", onLost);
    try {
      await client.query("BEGIN");
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackErr) {
        // A connection that cannot roll back is not returned to the pool.
        broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
      }
      throw asStoreError(err, "PostgreSQL");
    } finally {
      client.off("error", onLost);
      client.release(broken);
    }
  }

  /** Ends the pool; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
