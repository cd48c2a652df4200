/** A throwaway PostgreSQL schema per test file: created, migrated, and dropped with its pools. */
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import {
  PostgresSqlClient,
  type PostgresSqlClientOptions,
} from "../../../src/adapters/postgres/sql-client.ts";
import { DATABASE_URL, uniqueName } from "../../support/services.ts";

export interface TestSchema {
  schema: string;
  /** A pool working in the schema (migrated unless asked otherwise). */
  sql: PostgresSqlClient;
  /** A pool in the server's default schema, for DDL and for poking at other sessions. */
  admin: PostgresSqlClient;
  /** Another pool in the same schema, e.g. a second service instance. */
  connect(options?: Partial<PostgresSqlClientOptions>): PostgresSqlClient;
  /** Ends every pool and drops the schema. */
  dispose(): Promise<void>;
}

export async function openTestSchema(prefix: string, opts: { migrate?: boolean } = {}): Promise<TestSchema> {
  const schema = uniqueName(prefix).toLowerCase();
  const admin = new PostgresSqlClient({ connectionString: DATABASE_URL, max: 2 });
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const pools: PostgresSqlClient[] = [];
  const connect = (options: Partial<PostgresSqlClientOptions> = {}) => {
    const pool = new PostgresSqlClient({ connectionString: DATABASE_URL, schema, ...options });
    pools.push(pool);
    return pool;
  };
  const sql = connect();
  if (opts.migrate !== false) await migrate(sql);
  return {
    schema,
    sql,
    admin,
    connect,
    async dispose() {
      await Promise.all(pools.map((pool) => pool.close()));
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    },
  };
}
