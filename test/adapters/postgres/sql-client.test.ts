import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresSqlClient } from "../../../src/adapters/postgres/sql-client.ts";
import { StoreUnavailableError } from "../../../src/adapters/postgres/store-unavailable-error.ts";
import { skipUnless, uniqueName } from "../../support/services.ts";
import { openTestSchema, type TestSchema } from "./test-schema.ts";

const skip = await skipUnless("postgres");

describe("PostgresSqlClient without a server", () => {
  it("fails fast with StoreUnavailableError when nothing listens on the port", {
    timeout: 15_000,
  }, async () => {
    const sql = new PostgresSqlClient({ connectionString: "postgres://postgres@127.0.0.1:1/none" });
    try {
      await expect(sql.query("SELECT 1")).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(sql.transaction((tx) => tx.query("SELECT 1"))).rejects.toMatchObject({
        code: "store_unavailable",
      });
    } finally {
      await sql.close();
    }
  });

  it("refuses a schema name that is not a plain lower-case identifier", () => {
    expect(
      () => new PostgresSqlClient({ connectionString: "postgres://x@127.0.0.1/x", schema: "a b" }),
    ).toThrow(TypeError);
  });
});

describe.skipIf(skip)("PostgresSqlClient on PostgreSQL", () => {
  let db: TestSchema | undefined;
  beforeAll(async () => {
    db = await openTestSchema("eh_sql", { migrate: false });
    await db.sql.query("CREATE TABLE notes (id int PRIMARY KEY, body text)");
  });
  afterAll(async () => {
    await db?.dispose();
  });
  const open = () => {
    if (!db) throw new Error("test schema not open");
    return db;
  };

  it("works in the schema it was given", async () => {
    const [row] = await open().sql.query<{ schema: string }>("SELECT current_schema() AS schema");
    expect(row?.schema).toBe(open().schema);
  });

  it("commits a transaction that resolves and rolls back one that throws", async () => {
    const { sql } = open();
    await sql.transaction((tx) => tx.query("INSERT INTO notes VALUES (1, 'kept')"));
    await expect(
      sql.transaction(async (tx) => {
        await tx.query("INSERT INTO notes VALUES (2, 'undone')");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await sql.query("SELECT id, body FROM notes ORDER BY id")).toEqual([{ id: 1, body: "kept" }]);
  });

  it("passes statement errors through with their SQLSTATE, not as unavailability", async () => {
    const failure = open().sql.query("SELECT * FROM no_such_table");
    await expect(failure).rejects.toMatchObject({ code: "42P01" });
    await expect(failure).rejects.not.toBeInstanceOf(StoreUnavailableError);
  });

  it("turns a statement that outlives statement_timeout into StoreUnavailableError", async () => {
    const slow = open().connect({ statementTimeoutMs: 50 });
    await expect(slow.query("SELECT pg_sleep(2)")).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("survives the server killing its idle connections, and reconnects", async () => {
    const name = uniqueName("eh_idle");
    const errors: Error[] = [];
    const pool = open().connect({ applicationName: name, onIdleError: (err) => errors.push(err) });
    await Promise.all([pool.query("SELECT 1"), pool.query("SELECT 2")]);
    const killed = await open().admin.query<{ ok: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1",
      [name],
    );
    expect(killed.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors.length).toBeGreaterThan(0);
    expect(await pool.query<{ n: number }>("SELECT 3 AS n")).toEqual([{ n: 3 }]);
  });
});
