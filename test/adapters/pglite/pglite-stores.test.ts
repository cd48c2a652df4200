import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgliteSqlClient } from "../../../src/adapters/pglite/pglite-sql-client.ts";
import { loadMigrations, migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresContactStore } from "../../../src/adapters/postgres/postgres-contact-store.ts";
import { PostgresConversationStore } from "../../../src/adapters/postgres/postgres-conversation-store.ts";
import { PostgresCostLedger } from "../../../src/adapters/postgres/postgres-cost-ledger.ts";
import { PostgresLeadStore } from "../../../src/adapters/postgres/postgres-lead-store.ts";
import { StoreUnavailableError } from "../../../src/adapters/postgres/store-unavailable-error.ts";
import { describeContactStoreContract } from "../../contracts/contact-store.contract.ts";
import { describeConversationStoreContract } from "../../contracts/conversation-store.contract.ts";
import { describeCostLedgerContract } from "../../contracts/cost-ledger.contract.ts";
import { describeLeadStoreContract } from "../../contracts/lead-store.contract.ts";

// PGlite takes seconds to start: one instance for the whole file, tests isolated by tenant.
let sql: PgliteSqlClient | undefined;
let firstRun: string[] = [];

beforeAll(async () => {
  sql = await PgliteSqlClient.open({ schema: "enterprisehub" });
  firstRun = await migrate(sql);
});
afterAll(async () => {
  await sql?.close();
});

const open = () => {
  if (!sql) throw new Error("PGlite not open");
  return sql;
};

describe("PgliteSqlClient", () => {
  it("runs the same migrations once; a second run is a no-op", async () => {
    expect(firstRun).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(open())).toEqual([]);
  });

  it("works in the schema it was opened with", async () => {
    expect(await open().query("SELECT current_schema() AS schema")).toEqual([{ schema: "enterprisehub" }]);
  });

  it("rolls back a transaction that throws", async () => {
    const db = open();
    await db.query("CREATE TABLE IF NOT EXISTS scratch (id int PRIMARY KEY)");
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO scratch VALUES ($1)", [1]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await db.query("SELECT id FROM scratch")).toEqual([]);
  });
});

describeContactStoreContract("PGlite", async () => new PostgresContactStore(open()));
describeLeadStoreContract("PGlite", async () => new PostgresLeadStore(open()));
describeConversationStoreContract("PGlite", async () => new PostgresConversationStore(open()));
describeCostLedgerContract("PGlite", async () => new PostgresCostLedger(open()));

// Last: it closes the file's shared instance (closing again in afterAll is harmless).
describe("PgliteSqlClient once closed", () => {
  it("reports a closed database as StoreUnavailableError", async () => {
    const closed = open();
    await closed.close();
    await expect(closed.query("SELECT 1")).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(closed.transaction((tx) => tx.query("SELECT 1"))).rejects.toMatchObject({
      code: "store_unavailable",
    });
  });
});
