/**
 * Versioned schema migrations, shared by PostgreSQL and PGlite. Files in ./migrations are named
 * `NNN_description.sql` and applied once each, in version order, one transaction per file.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { SqlClient } from "./sql-client.ts";

export interface Migration {
  /** The numeric prefix of the file name; applied in ascending order. */
  version: number;
  name: string;
  sql: string;
}

export class MigrationFileError extends Error {
  readonly code = "migration_file_invalid";
}

const FILE_NAME = /^(\d+)_[a-z0-9_]+\.sql$/;
const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);

/** Reads the migration files shipped beside this module, sorted by version. */
export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new MigrationFileError(`migration file name must look like 001_name.sql: ${file}`);
      return { version: Number(match[1]), name: file, sql: readFileSync(new URL(file, dir), "utf8") };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version) {
      throw new MigrationFileError(`two migrations share version ${m.version}`);
    }
  });
  return migrations;
}

/**
 * Splits a migration into statements: both drivers run one statement per call (PGlite's
 * parameterised protocol takes one). So migration files hold plain DDL ending in `;` at line end,
 * with `--` comments and no dollar-quoted bodies.
 */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n");
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies every migration not yet recorded in `schema_migrations`; returns the names applied.
 * Each file runs in its own transaction under an advisory lock keyed by the current schema, so two
 * instances starting together apply each file exactly once; running it again is a no-op.
 */
export async function migrate(sql: SqlClient, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await sql.transaction(async (tx) => {
      await tx.query(
        "SELECT pg_advisory_xact_lock(hashtext('enterprisehub.migrate:' || coalesce(current_schema(), '')))",
      );
      await tx.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [migration.version]);
      if (done.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
