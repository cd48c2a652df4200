import { afterAll, beforeAll } from "vitest";
import { PostgresContactStore } from "../../../src/adapters/postgres/postgres-contact-store.ts";
import { PostgresConversationStore } from "../../../src/adapters/postgres/postgres-conversation-store.ts";
import { PostgresCostLedger } from "../../../src/adapters/postgres/postgres-cost-ledger.ts";
import { PostgresLeadStore } from "../../../src/adapters/postgres/postgres-lead-store.ts";
import { describeContactStoreContract } from "../../contracts/contact-store.contract.ts";
import { describeConversationStoreContract } from "../../contracts/conversation-store.contract.ts";
import { describeCostLedgerContract } from "../../contracts/cost-ledger.contract.ts";
import { describeLeadStoreContract } from "../../contracts/lead-store.contract.ts";
import { skipUnless } from "../../support/services.ts";
import { openTestSchema, type TestSchema } from "./test-schema.ts";

const skip = await skipUnless("postgres");
let db: TestSchema | undefined;

beforeAll(async () => {
  if (!skip) db = await openTestSchema("eh_stores");
});
afterAll(async () => {
  await db?.dispose();
});

const sql = () => {
  if (!db) throw new Error("test schema not open");
  return db.sql;
};

describeContactStoreContract("PostgreSQL", async () => new PostgresContactStore(sql()), { skip });
describeLeadStoreContract("PostgreSQL", async () => new PostgresLeadStore(sql()), { skip });
describeConversationStoreContract("PostgreSQL", async () => new PostgresConversationStore(sql()), { skip });
describeCostLedgerContract("PostgreSQL", async () => new PostgresCostLedger(sql()), { skip });
