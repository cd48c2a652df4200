import { afterAll, beforeAll } from "vitest";
import { PostgresContactStore } from "../../../src/adapters/postgres/postgres-contact-store.ts";
import {
  PostgresCrmOutbox,
  PostgresOutboxTransaction,
} from "../../../src/adapters/postgres/postgres-crm-outbox.ts";
import type { PostgresSqlClient } from "../../../src/adapters/postgres/sql-client.ts";
import { describeCrmOutboxContract } from "../../contracts/crm-outbox.contract.ts";
import { skipUnless } from "../../support/services.ts";
import { openTestSchema, type TestSchema } from "./test-schema.ts";

const skip = await skipUnless("postgres");
let db: TestSchema | undefined;
// A second pool on the same schema: another service instance claiming from the same table.
let other: PostgresSqlClient | undefined;

beforeAll(async () => {
  if (skip) return;
  db = await openTestSchema("eh_outbox");
  other = db.connect();
});
afterAll(async () => {
  await db?.dispose();
});

describeCrmOutboxContract(
  "PostgreSQL",
  async () => {
    if (!db || !other) throw new Error("test schema not open");
    await db.sql.query("DELETE FROM crm_outbox");
    return {
      outbox: new PostgresCrmOutbox(db.sql),
      contacts: new PostgresContactStore(db.sql),
      transaction: new PostgresOutboxTransaction(db.sql),
      twin: new PostgresCrmOutbox(other),
    };
  },
  { skip, atomic: true },
);
