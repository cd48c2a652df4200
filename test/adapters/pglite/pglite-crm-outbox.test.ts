import { afterAll, beforeAll } from "vitest";
import { PgliteSqlClient } from "../../../src/adapters/pglite/pglite-sql-client.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresContactStore } from "../../../src/adapters/postgres/postgres-contact-store.ts";
import {
  PostgresCrmOutbox,
  PostgresOutboxTransaction,
} from "../../../src/adapters/postgres/postgres-crm-outbox.ts";
import { describeCrmOutboxContract } from "../../contracts/crm-outbox.contract.ts";

// PGlite takes seconds to start: one instance for the file, emptied before each test.
let sql: PgliteSqlClient | undefined;

beforeAll(async () => {
  sql = await PgliteSqlClient.open({ schema: "enterprisehub" });
  await migrate(sql);
});
afterAll(async () => {
  await sql?.close();
});

describeCrmOutboxContract(
  "PGlite",
  async () => {
    if (!sql) throw new Error("PGlite not open");
    await sql.query("DELETE FROM crm_outbox");
    // One connection: the twin shares it, as a second sender in the same process would.
    return {
      outbox: new PostgresCrmOutbox(sql),
      contacts: new PostgresContactStore(sql),
      transaction: new PostgresOutboxTransaction(sql),
      twin: new PostgresCrmOutbox(sql),
    };
  },
  { atomic: true },
);
