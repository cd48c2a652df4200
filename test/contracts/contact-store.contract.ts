/**
 * The ContactStore conformance suite: written once, run against memory, PostgreSQL and PGlite.
 * Each test works in its own tenant, so implementations backed by one shared database stay isolated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContactStore } from "../../src/ports/contact-store.ts";

export function describeContactStoreContract(
  label: string,
  make: () => Promise<ContactStore>,
  opts: { skip?: string | false } = {},
): void {
  const d = opts.skip ? describe.skip : describe;
  d(`ContactStore contract: ${label}`, () => {
    let n = 0;
    const tenant = () => `t${process.pid}x${Date.now().toString(36)}x${++n}`;

    it("creates a contact on the first upsert, with the fields given and no opt-out", async () => {
      const store = await make();
      const t = tenant();
      const { contact, created } = await store.upsert(
        t,
        { email: "ana@example.com", firstName: "Ana", source: "web", tags: ["buyer"] },
        1_000,
      );
      expect(created).toBe(true);
      expect(contact).toMatchObject({ tenant: t, email: "ana@example.com", firstName: "Ana", source: "web" });
      expect(contact).toMatchObject({
        tags: ["buyer"],
        doNotContact: false,
        createdAt: 1_000,
        updatedAt: 1_000,
      });
      expect(contact.id).toEqual(expect.any(String));
      expect(await store.get(t, contact.id)).toEqual(contact);
    });

    it("updates the same person when the email differs only in case: given fields overwrite, others stay", async () => {
      const store = await make();
      const t = tenant();
      const first = await store.upsert(
        t,
        { email: "Bo@Example.com", firstName: "Bo", lastName: "Li" },
        1_000,
      );
      const second = await store.upsert(
        t,
        { email: " bo@example.COM ", firstName: "Bob", phone: "555" },
        2_000,
      );
      expect(second.created).toBe(false);
      expect(second.contact.id).toBe(first.contact.id);
      expect(second.contact).toMatchObject({ firstName: "Bob", lastName: "Li", phone: "555" });
      expect(second.contact).toMatchObject({ createdAt: 1_000, updatedAt: 2_000 });
      expect(await store.get(t, first.contact.id)).toEqual(second.contact);
    });

    it("matches a person by the digits of the phone when there is no email", async () => {
      const store = await make();
      const t = tenant();
      const first = await store.upsert(t, { phone: "+1 (555) 010-2000" }, 1);
      const second = await store.upsert(t, { phone: "1.555.010.2000", firstName: "Cy" }, 2);
      const other = await store.upsert(t, { phone: "+1 555 010 2001" }, 3);
      expect(second).toMatchObject({ created: false, contact: { id: first.contact.id, firstName: "Cy" } });
      expect(other.created).toBe(true);
      expect(other.contact.id).not.toBe(first.contact.id);
    });

    it("merges tags on update instead of replacing them", async () => {
      const store = await make();
      const t = tenant();
      const { contact } = await store.upsert(t, { email: "d@example.com", tags: ["buyer", "web"] }, 1);
      await store.upsert(t, { email: "d@example.com", tags: ["hot", "buyer"] }, 2);
      const kept = await store.upsert(t, { email: "d@example.com" }, 3);
      expect(kept.contact.tags).toEqual(["buyer", "web", "hot"]);
      expect((await store.get(t, contact.id))?.tags).toEqual(["buyer", "web", "hot"]);
    });

    it("property: tags after any upserts are the ordered union of every tag given", async () => {
      const store = await make();
      const tagList = fc.array(fc.constantFrom("buyer", "seller", "hot", "warm", "web", "sms", "vip"), {
        maxLength: 4,
      });
      await fc.assert(
        fc.asyncProperty(fc.array(tagList, { minLength: 1, maxLength: 4 }), async (lists) => {
          const t = tenant();
          let last: string[] = [];
          for (const [i, tags] of lists.entries()) {
            last = (await store.upsert(t, { email: "p@example.com", tags }, i)).contact.tags;
          }
          expect(last).toEqual([...new Set(lists.flat())]);
        }),
        { numRuns: 200 },
      );
    });

    it("keeps tenants apart: one person in two tenants is two contacts", async () => {
      const store = await make();
      const [a, b] = [tenant(), tenant()];
      const inA = await store.upsert(a, { email: "e@example.com", tags: ["a"] }, 1);
      const inB = await store.upsert(b, { email: "e@example.com", tags: ["b"] }, 1);
      expect(inB.created).toBe(true);
      expect(inB.contact.id).not.toBe(inA.contact.id);
      expect(await store.get(b, inA.contact.id)).toBeUndefined();
      expect(await store.delete(b, inA.contact.id)).toBe(false);
      await store.setDoNotContact(b, inA.contact.id, true);
      expect((await store.get(a, inA.contact.id))?.tags).toEqual(["a"]);
      expect((await store.get(a, inA.contact.id))?.doNotContact).toBe(false);
    });

    it("deletes a contact once; upserting the person again creates a new one", async () => {
      const store = await make();
      const t = tenant();
      const { contact } = await store.upsert(t, { email: "f@example.com" }, 1);
      expect(await store.delete(t, contact.id)).toBe(true);
      expect(await store.delete(t, contact.id)).toBe(false);
      expect(await store.get(t, contact.id)).toBeUndefined();
      const again = await store.upsert(t, { email: "f@example.com" }, 2);
      expect(again.created).toBe(true);
      expect(again.contact.id).not.toBe(contact.id);
    });

    it("records the CRM id and the do-not-contact flag", async () => {
      const store = await make();
      const t = tenant();
      const { contact } = await store.upsert(t, { email: "g@example.com" }, 1);
      await store.setCrmId(t, contact.id, "ghl-123");
      await store.setDoNotContact(t, contact.id, true);
      expect(await store.get(t, contact.id)).toMatchObject({ crmId: "ghl-123", doNotContact: true });
      await store.setDoNotContact(t, contact.id, false);
      expect((await store.get(t, contact.id))?.doNotContact).toBe(false);
      await expect(store.setCrmId(t, "no-such-contact", "x")).resolves.toBeUndefined();
    });

    it("refuses a contact with neither an email nor a phone number", async () => {
      const store = await make();
      await expect(store.upsert(tenant(), { firstName: "Nobody", phone: "n/a" }, 1)).rejects.toMatchObject({
        code: "contact_identity_missing",
      });
    });

    it("creates one contact when the same new person is upserted concurrently", async () => {
      const store = await make();
      const t = tenant();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.upsert(t, { email: "h@example.com", tags: [`t${i}`] }, i)),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.contact.id)).size).toBe(1);
      const stored = await store.get(t, results[0]?.contact.id ?? "");
      expect([...(stored?.tags ?? [])].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `t${i}`).sort());
    });

    it("round-trips unicode names", async () => {
      const store = await make();
      const t = tenant();
      const input = { email: "zoë@例え.jp", firstName: "Zoë", lastName: "Müller-東京 🏠", tags: ["höt 🔥"] };
      const { contact } = await store.upsert(t, input, 1);
      expect(await store.get(t, contact.id)).toMatchObject(input);
    });
  });
}
