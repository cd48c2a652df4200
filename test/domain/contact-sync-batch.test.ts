/** ContactSync without an outbox: a batch is stored in one transaction, so a failure leaves none of it. */
import { describe, expect, it } from "vitest";
import { MemoryContactStore } from "../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCrmOutbox } from "../../src/adapters/memory/memory-crm-outbox.ts";
import { ContactSync } from "../../src/domain/contact-sync.ts";
import type { ContactInput, ContactStore } from "../../src/ports/contact-store.ts";
import type { OutboxTransaction } from "../../src/ports/crm-outbox.ts";

const clock = { now: () => 1_700_000_000_000, sleep: async () => {} };

/**
 * A transaction over a staging copy: writes go to a scratch store and are copied to `committed` only
 * when the work resolves, as a SQL transaction commits or rolls back.
 */
function stagingTransaction(committed: MemoryContactStore): OutboxTransaction & { runs: number } {
  const tx = {
    runs: 0,
    async run<T>(work: (scope: { contacts: ContactStore; outbox: MemoryCrmOutbox }) => Promise<T>) {
      tx.runs++;
      const staged: Array<[string, ContactInput, number]> = [];
      const scratch = new MemoryContactStore();
      const contacts: ContactStore = Object.assign(Object.create(scratch) as ContactStore, {
        upsert: async (tenant: string, input: ContactInput, now: number) => {
          staged.push([tenant, input, now]);
          return scratch.upsert(tenant, input, now);
        },
      });
      const result = await work({ contacts, outbox: new MemoryCrmOutbox() });
      for (const [tenant, input, now] of staged) await committed.upsert(tenant, input, now);
      return result;
    },
  };
  return tx;
}

describe("ContactSync without an outbox, with a batch transaction", () => {
  it("stores the whole batch through the transaction, one run per batch", async () => {
    const committed = new MemoryContactStore();
    const tx = stagingTransaction(committed);
    const sync = new ContactSync({ contacts: committed, clock, batch: tx });
    const results = await sync.run("acme", [{ email: "a@x.io" }, { phone: "555 0100" }]);
    expect(tx.runs).toBe(1);
    expect(results.map((r) => [r.status, r.crm.status])).toEqual([
      ["created", "local_only"],
      ["created", "local_only"],
    ]);
  });

  it("a contact failing in the middle of the batch leaves none of the batch stored", async () => {
    const committed = new MemoryContactStore();
    const sync = new ContactSync({ contacts: committed, clock, batch: stagingTransaction(committed) });
    await expect(sync.run("acme", [{ email: "first@x.io" }, { firstName: "no identity" }])).rejects.toThrow();
    const again = await sync.run("acme", [{ email: "first@x.io" }]);
    // "created": the first contact of the failed batch was never committed.
    expect(again[0]?.status).toBe("created");
  });
});
