import { describe, expect, it } from "vitest";
import { MemoryContactStore } from "../../../src/adapters/memory/memory-contact-store.ts";
import { MemoryConversationStore } from "../../../src/adapters/memory/memory-conversation-store.ts";
import { MemoryCostLedger } from "../../../src/adapters/memory/memory-cost-ledger.ts";
import { MemoryLeadStore } from "../../../src/adapters/memory/memory-lead-store.ts";
import type { LeadRecord } from "../../../src/ports/lead-store.ts";
import type { Qualification } from "../../../src/ports/qualification.ts";
import { describeContactStoreContract } from "../../contracts/contact-store.contract.ts";
import { describeConversationStoreContract } from "../../contracts/conversation-store.contract.ts";
import { describeCostLedgerContract } from "../../contracts/cost-ledger.contract.ts";
import { describeLeadStoreContract } from "../../contracts/lead-store.contract.ts";

describeContactStoreContract("memory", async () => new MemoryContactStore());
describeLeadStoreContract("memory", async () => new MemoryLeadStore());
describeConversationStoreContract("memory", async () => new MemoryConversationStore());
describeCostLedgerContract("memory", async () => new MemoryCostLedger());

describe("memory stores keep their own copies", () => {
  it("a caller mutating a record after saving it does not change the stored lead", async () => {
    const store = new MemoryLeadStore();
    const qualification: Qualification = {
      intent: "buy",
      intentConfidence: 0.9,
      timeline: "0-3m",
      financing: "cash",
    };
    const lead: LeadRecord = {
      ...{ id: "l1", tenant: "t", cacheKey: "t:q:1", score: 90, temperature: "hot" },
      ...{ qualification, model: "claude-haiku-4-5", createdAt: 1 },
    };
    await store.save(lead);
    lead.qualification.intentConfidence = 0.1;
    expect((await store.get("t", "l1"))?.qualification.intentConfidence).toBe(0.9);
  });

  it("a caller mutating a returned contact does not change the stored one", async () => {
    const store = new MemoryContactStore();
    const { contact } = await store.upsert("t", { email: "a@example.com", tags: ["x"] }, 1);
    contact.tags.push("mutated");
    expect((await store.get("t", contact.id))?.tags).toEqual(["x"]);
  });
});
