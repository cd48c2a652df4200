/**
 * The LeadStore conformance suite: written once, run against memory, PostgreSQL and PGlite.
 * Each test works in its own tenant, so implementations backed by one shared database stay isolated.
 */
import { describe, expect, it } from "vitest";
import type { LeadRecord, LeadStore } from "../../src/ports/lead-store.ts";

export function describeLeadStoreContract(
  label: string,
  make: () => Promise<LeadStore>,
  opts: { skip?: string | false } = {},
): void {
  const d = opts.skip ? describe.skip : describe;
  d(`LeadStore contract: ${label}`, () => {
    let n = 0;
    const tenant = () => `t${process.pid}x${Date.now().toString(36)}x${++n}`;
    const lead = (tenantId: string, over: Partial<LeadRecord> = {}): LeadRecord => ({
      id: `lead-${++n}`,
      tenant: tenantId,
      contactId: "c1",
      cacheKey: `${tenantId}:qualify:abc123`,
      qualification: {
        intent: "buy",
        intentConfidence: 0.85,
        timeline: "0-3m",
        financing: "pre_approved",
        budgetMin: 450_000,
        budgetMax: 600_000,
        location: "Rancho Cucamonga",
        bedrooms: 3,
        hasAgent: false,
        summary: "Pre-approved buyer, 3 bd, moving within 90 days — «urgent» 🏡",
      },
      score: 87.5,
      temperature: "hot",
      model: "claude-sonnet-4-5",
      createdAt: 1_000,
      ...over,
    });

    it("returns a saved lead as it was saved", async () => {
      const store = await make();
      const record = lead(tenant());
      await store.save(record);
      expect(await store.get(record.tenant, record.id)).toEqual(record);
    });

    it("keeps a lead without a contact free of a contactId", async () => {
      const store = await make();
      const { contactId: _omitted, ...record } = lead(tenant());
      await store.save(record);
      const got = await store.get(record.tenant, record.id);
      expect(got).toEqual(record);
      expect(got && "contactId" in got).toBe(false);
    });

    it("replaces a lead saved again under the same id", async () => {
      const store = await make();
      const record = lead(tenant());
      await store.save(record);
      const requalified = { ...record, score: 40, temperature: "warm" as const, model: "claude-haiku-4-5" };
      await store.save(requalified);
      expect(await store.get(record.tenant, record.id)).toEqual(requalified);
    });

    it("does not show one tenant's lead to another", async () => {
      const store = await make();
      const record = lead(tenant());
      await store.save(record);
      expect(await store.get(tenant(), record.id)).toBeUndefined();
      expect(await store.listByContact(tenant(), "c1")).toEqual([]);
    });

    it("lists a contact's leads oldest first, and only that contact's", async () => {
      const store = await make();
      const t = tenant();
      const later = lead(t, { createdAt: 3_000 });
      const earlier = lead(t, { createdAt: 2_000 });
      const otherContact = lead(t, { contactId: "c2" });
      for (const r of [later, earlier, otherContact]) await store.save(r);
      expect(await store.listByContact(t, "c1")).toEqual([earlier, later]);
      expect(await store.listByContact(t, "nobody")).toEqual([]);
    });

    it("deletes every lead of a contact and nothing else", async () => {
      const store = await make();
      const [t, other] = [tenant(), tenant()];
      const mine = [lead(t), lead(t), lead(t)];
      const keep = [lead(t, { contactId: "c2" }), lead(other)];
      for (const r of [...mine, ...keep]) await store.save(r);
      expect(await store.deleteByContact(t, "c1")).toBe(3);
      expect(await store.deleteByContact(t, "c1")).toBe(0);
      for (const r of mine) expect(await store.get(t, r.id)).toBeUndefined();
      for (const r of keep) expect(await store.get(r.tenant, r.id)).toEqual(r);
    });
  });
}
