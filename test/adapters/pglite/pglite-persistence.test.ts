import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PgliteSqlClient } from "../../../src/adapters/pglite/pglite-sql-client.ts";
import { migrate } from "../../../src/adapters/postgres/migrations.ts";
import { PostgresContactStore } from "../../../src/adapters/postgres/postgres-contact-store.ts";

const dataDir = mkdtempSync(join(tmpdir(), "eh-pglite-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("PGlite with a data directory", () => {
  it("keeps what was written across a close and a reopen, and does not migrate twice", async () => {
    const first = await PgliteSqlClient.open({ dataDir });
    await migrate(first);
    const { contact } = await new PostgresContactStore(first).upsert("t1", { email: "kept@example.com" }, 1);
    await first.close();

    const second = await PgliteSqlClient.open({ dataDir });
    try {
      expect(await migrate(second)).toEqual([]);
      expect(await new PostgresContactStore(second).get("t1", contact.id)).toEqual(contact);
    } finally {
      await second.close();
    }
  });
});
