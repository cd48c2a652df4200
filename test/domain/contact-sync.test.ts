import { describe, expect, it } from "vitest";
import { MemoryContactStore } from "../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCrmOutbox, MemoryOutboxTransaction } from "../../src/adapters/memory/memory-crm-outbox.ts";
import { ContactSync } from "../../src/domain/contact-sync.ts";
import type { CrmContact, CrmGateway, CrmUpsertResult } from "../../src/ports/crm-gateway.ts";

const clock = { now: () => 1_700_000_000_000, sleep: async () => {} };

/** A CRM that answers from a script and records what it was sent. */
function crm(
  answer: (c: CrmContact, i: number) => CrmUpsertResult | Error,
): CrmGateway & { sent: CrmContact[] } {
  const sent: CrmContact[] = [];
  return {
    name: "fake",
    sent,
    async upsertContacts(contacts) {
      sent.push(...contacts);
      return contacts.map((c, i) => {
        const a = answer(c, i);
        if (a instanceof Error) throw a;
        return a;
      });
    },
  };
}

describe("ContactSync", () => {
  it("stores each contact, pushes it to the CRM and remembers the CRM id", async () => {
    const contacts = new MemoryContactStore();
    const gateway = crm((_c, i) => ({ ok: true, crmId: `ghl-${i}`, created: true }));
    const sync = new ContactSync({ contacts, crm: gateway, clock });
    const results = await sync.run("acme", [
      { email: "Ana@Example.com", tags: ["web"] },
      { phone: "+1 512 555 0100" },
    ]);
    expect(results.map((r) => [r.status, r.crm.status])).toEqual([
      ["created", "synced"],
      ["created", "synced"],
    ]);
    expect((await contacts.get("acme", results[0]!.id))?.crmId).toBe("ghl-0");
    expect(gateway.sent[0]).toMatchObject({ email: "Ana@Example.com", tags: ["web"] });
    // Never dnd: false — a sync must not clear a do-not-disturb the team set in the CRM.
    expect(gateway.sent[0]).not.toHaveProperty("dnd");
  });

  it("is idempotent: the same person twice is one contact, created then updated", async () => {
    const sync = new ContactSync({ contacts: new MemoryContactStore(), clock });
    const [first] = await sync.run("acme", [{ email: "ana@example.com" }]);
    const [second] = await sync.run("acme", [{ email: "ANA@example.com", firstName: "Ana" }]);
    expect(first?.status).toBe("created");
    expect(second?.status).toBe("updated");
    expect(second?.id).toBe(first?.id);
    expect(second?.crm).toEqual({ status: "local_only" });
  });

  it("keeps every stored contact when the CRM fails, reporting the failure per contact", async () => {
    const contacts = new MemoryContactStore();
    const gateway = crm((_c, i) =>
      i === 0
        ? { ok: true, crmId: "ghl-0", created: false }
        : { ok: false, code: "rate_limited", message: "429", retryAfterMs: 2_000 },
    );
    const results = await new ContactSync({ contacts, crm: gateway, clock }).run("acme", [
      { email: "a@x.io" },
      { email: "b@x.io" },
    ]);
    expect(results[1]?.crm).toEqual({
      status: "failed",
      code: "rate_limited",
      reason: "429",
      retryAfterMs: 2_000,
    });
    expect(await contacts.get("acme", results[1]!.id)).toBeDefined();
  });

  it("turns a CRM that throws into per-contact failures, never a lost batch", async () => {
    const contacts = new MemoryContactStore();
    const results = await new ContactSync({
      contacts,
      crm: crm(() => new Error("socket hang up")),
      clock,
    }).run("acme", [{ email: "a@x.io" }]);
    expect(results[0]?.crm).toMatchObject({ status: "failed", code: "unavailable" });
    expect(await contacts.get("acme", results[0]!.id)).toBeDefined();
  });
});

describe("ContactSync with a CRM outbox", () => {
  it("stores and queues each person once, answers queued, calls no CRM inline and tells the sender", async () => {
    const contacts = new MemoryContactStore();
    const outbox = new MemoryCrmOutbox();
    const gateway = crm(() => ({ ok: true, crmId: "never", created: true }));
    let told = 0;
    const sync = new ContactSync({
      contacts,
      crm: gateway,
      clock,
      outbox: { transaction: new MemoryOutboxTransaction(contacts, outbox), queued: () => told++ },
    });
    const results = await sync.run("acme", [
      { email: "a@x.io" },
      { email: "A@x.io", firstName: "A" },
      { phone: "555 0100" },
    ]);
    expect(results.map((r) => [r.status, r.crm.status])).toEqual([
      ["created", "queued"],
      ["updated", "queued"],
      ["created", "queued"],
    ]);
    expect(gateway.sent).toEqual([]);
    expect(told).toBe(1);
    const queued = await outbox.claim("s", 10, clock.now(), 1_000);
    expect(queued.map((e) => e.contactId).sort()).toEqual([results[0]!.id, results[2]!.id].sort());
  });

  it("queues nothing when a contact of the batch cannot be stored", async () => {
    const contacts = new MemoryContactStore();
    const outbox = new MemoryCrmOutbox();
    const sync = new ContactSync({
      contacts,
      clock,
      outbox: { transaction: new MemoryOutboxTransaction(contacts, outbox) },
    });
    await expect(sync.run("acme", [{ email: "a@x.io" }, { firstName: "nobody" }])).rejects.toMatchObject({
      code: "contact_identity_missing",
    });
    expect(await outbox.pendingCount()).toBe(0);
  });
});
