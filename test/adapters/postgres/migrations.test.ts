import { afterEach, describe, expect, it } from "vitest";
import { loadMigrations, migrate, splitStatements } from "../../../src/adapters/postgres/migrations.ts";
import { skipUnless } from "../../support/services.ts";
import { openTestSchema, type TestSchema } from "./test-schema.ts";

const skip = await skipUnless("postgres");

describe("migration files", () => {
  it("are numbered, unique and loaded in version order", () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations[0]?.name).toBe("001_init.sql");
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it("split into statements at a semicolon ending a line, without comment lines", () => {
    const sql =
      "-- a comment; with a semicolon\nCREATE TABLE a (x text DEFAULT ';');\n\nCREATE INDEX i ON a (x);\n";
    expect(splitStatements(sql)).toEqual(["CREATE TABLE a (x text DEFAULT ';')", "CREATE INDEX i ON a (x)"]);
  });
});

describe.skipIf(skip)("migrate on PostgreSQL", () => {
  let db: TestSchema | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
  });

  it("applies every file once; running it again is a no-op", async () => {
    db = await openTestSchema("eh_mig", { migrate: false });
    expect(await migrate(db.sql)).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(db.sql)).toEqual([]);
    const recorded = await db.sql.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY 1",
    );
    expect(recorded.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
  });

  it("applies each file exactly once when two instances start at the same time", async () => {
    db = await openTestSchema("eh_mig", { migrate: false });
    const [first, second] = await Promise.all([migrate(db.sql), migrate(db.connect())]);
    expect([...first, ...second].sort()).toEqual(loadMigrations().map((m) => m.name));
    const [row] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migrations");
    expect(row?.n).toBe(loadMigrations().length);
  });

  it("rolls a failing migration back whole and does not record it", async () => {
    db = await openTestSchema("eh_mig", { migrate: false });
    const broken = [
      { version: 1, name: "001_ok.sql", sql: "CREATE TABLE ok (x int);" },
      { version: 2, name: "002_broken.sql", sql: "CREATE TABLE half (x int);\nSELECT * FROM missing_table;" },
    ];
    await expect(migrate(db.sql, broken)).rejects.toMatchObject({ code: "42P01" });
    const tables = await db.sql.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
      [db.schema],
    );
    expect(tables.map((t) => t.name)).toEqual(["ok", "schema_migrations"]);
    expect(await migrate(db.sql, broken.slice(0, 1))).toEqual([]);
  });
});
