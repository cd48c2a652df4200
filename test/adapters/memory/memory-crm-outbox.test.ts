import { MemoryContactStore } from "../../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCrmOutbox, MemoryOutboxTransaction } from "../../../src/adapters/memory/memory-crm-outbox.ts";
import { describeCrmOutboxContract } from "../../contracts/crm-outbox.contract.ts";

describeCrmOutboxContract("memory", async () => {
  const contacts = new MemoryContactStore();
  const outbox = new MemoryCrmOutbox();
  return { outbox, contacts, transaction: new MemoryOutboxTransaction(contacts, outbox), twin: outbox };
});
