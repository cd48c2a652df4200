/**
 * The ConversationStore conformance suite: written once, run against memory, PostgreSQL and PGlite.
 * Each test works in its own tenant, so implementations backed by one shared database stay isolated.
 * Texts are well-formed Unicode without NUL (PostgreSQL text and JSONB cannot hold U+0000).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConversationConflictError,
  type ConversationRecord,
  type ConversationStore,
} from "../../src/ports/conversation-store.ts";

export function describeConversationStoreContract(
  label: string,
  make: () => Promise<ConversationStore>,
  opts: { skip?: string | false } = {},
): void {
  const d = opts.skip ? describe.skip : describe;
  d(`ConversationStore contract: ${label}`, () => {
    let n = 0;
    const tenant = () => `t${process.pid}x${Date.now().toString(36)}x${++n}`;
    const conversation = (tenantId: string, over: Partial<ConversationRecord> = {}): ConversationRecord => ({
      id: `conv-${++n}`,
      tenant: tenantId,
      contactId: "c1",
      timeZone: "America/Denver",
      currentBot: "buyer",
      visited: ["lead", "buyer"],
      handoffs: [
        { from: "lead", to: "buyer", confidence: 0.82, reason: "wants to buy within 3 months", at: 1_500 },
      ],
      messages: [
        { role: "lead", bot: "lead", text: "Hi, looking for a 3 bd near downtown", at: 1_000 },
        { role: "bot", bot: "buyer", text: "Great! What's your budget?", at: 1_600 },
      ],
      qualification: { intent: "buy", intentConfidence: 0.82, timeline: "0-3m", financing: "unknown" },
      status: "open",
      createdAt: 1_000,
      updatedAt: 1_600,
      version: 1,
      ...over,
    });

    it("returns a created conversation as it was created", async () => {
      const store = await make();
      const record = conversation(tenant());
      await store.create(record);
      expect(await store.get(record.tenant, record.id)).toEqual(record);
      expect(await store.get(tenant(), record.id)).toBeUndefined();
    });

    it("keeps a conversation without contact or qualification free of those fields", async () => {
      const store = await make();
      const { contactId: _c, qualification: _q, timeZone: _z, ...record } = conversation(tenant());
      await store.create(record);
      const got = await store.get(record.tenant, record.id);
      expect(got).toEqual(record);
      expect(got && ("contactId" in got || "qualification" in got)).toBe(false);
    });

    it("refuses to create a conversation whose id is taken", async () => {
      const store = await make();
      const record = conversation(tenant());
      await store.create(record);
      await expect(store.create({ ...record, status: "closed" })).rejects.toBeInstanceOf(
        ConversationConflictError,
      );
      expect((await store.get(record.tenant, record.id))?.status).toBe("open");
    });

    it("saves the next version and refuses a stale or skipped one", async () => {
      const store = await make();
      const v1 = conversation(tenant());
      await store.create(v1);
      const v2: ConversationRecord = {
        ...v1,
        currentBot: "seller",
        visited: ["lead", "buyer", "seller"],
        version: 2,
      };
      await store.save(v2);
      expect(await store.get(v1.tenant, v1.id)).toEqual(v2);
      const stale = { ...v1, status: "closed" as const, version: 2 };
      await expect(store.save(stale)).rejects.toMatchObject({ code: "conversation_conflict" });
      await expect(store.save({ ...v2, version: 4 })).rejects.toBeInstanceOf(ConversationConflictError);
      expect(await store.get(v1.tenant, v1.id)).toEqual(v2);
    });

    it("lets exactly one of two concurrent saves from the same version win", async () => {
      const store = await make();
      const v1 = conversation(tenant());
      await store.create(v1);
      const a = { ...v1, status: "closed" as const, version: 2 };
      const b = { ...v1, currentBot: "seller" as const, version: 2 };
      const outcomes = await Promise.allSettled([store.save(a), store.save(b)]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === "rejected");
      expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConversationConflictError);
      expect([a, b]).toContainEqual(await store.get(v1.tenant, v1.id));
    });

    it("refuses to save a conversation that was never created", async () => {
      const store = await make();
      await expect(store.save(conversation(tenant(), { version: 2 }))).rejects.toBeInstanceOf(
        ConversationConflictError,
      );
    });

    it("deletes every conversation of a contact, in one tenant only", async () => {
      const store = await make();
      const [t, other] = [tenant(), tenant()];
      const mine = [conversation(t), conversation(t)];
      const keep = [conversation(t, { contactId: "c2" }), conversation(other)];
      for (const r of [...mine, ...keep]) await store.create(r);
      expect(await store.deleteByContact(t, "c1")).toBe(2);
      expect(await store.deleteByContact(t, "c1")).toBe(0);
      for (const r of mine) expect(await store.get(t, r.id)).toBeUndefined();
      for (const r of keep) expect(await store.get(r.tenant, r.id)).toEqual(r);
    });

    it("lists a contact's conversations, oldest first, and no one else's", async () => {
      const store = await make();
      const t = tenant();
      const older = conversation(t, {
        contactId: "c9",
        createdAt: 1_000,
        messages: [{ role: "bot", bot: "lead", text: "hi", at: 1_000, cacheKey: `${t}:reply.lead:abc` }],
      });
      const newer = conversation(t, { contactId: "c9", createdAt: 2_000 });
      for (const r of [newer, older, conversation(t, { contactId: "c10" })]) await store.create(r);
      expect(await store.listByContact(t, "c9")).toEqual([older, newer]);
      expect(await store.listByContact(`${t}x`, "c9")).toEqual([]);
    });

    it("round-trips a long history (2,000 messages) intact and in order", async () => {
      const store = await make();
      const messages = Array.from({ length: 2_000 }, (_, i) => ({
        role: i % 2 === 0 ? ("lead" as const) : ("bot" as const),
        bot: "lead" as const,
        text: `message ${i}: ${"budget around 500k, 3 bd, garage ".repeat(4)}`,
        at: 1_000 + i,
      }));
      const record = conversation(tenant(), { messages });
      await store.create(record);
      expect(await store.get(record.tenant, record.id)).toEqual(record);
    });

    it("property: any well-formed Unicode text round-trips unchanged", async () => {
      const store = await make();
      const text = fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => s.replaceAll("\u0000", ""));
      await fc.assert(
        fc.asyncProperty(text, text, async (said, reason) => {
          const record = conversation(tenant(), {
            messages: [{ role: "lead", bot: "lead", text: said, at: 1 }],
            handoffs: [{ from: "lead", to: "seller", confidence: 0.9, reason, at: 2 }],
          });
          await store.create(record);
          expect(await store.get(record.tenant, record.id)).toEqual(record);
        }),
        { numRuns: 200 },
      );
    });
  });
}
