import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GhlCrmGateway } from "../../../src/adapters/ghl/ghl-crm-gateway.ts";
import type { CrmContact } from "../../../src/ports/crm-gateway.ts";
import { FakeGhlServer } from "../../fakes/fake-ghl-server.ts";

let fake: FakeGhlServer;
let run = 0;

beforeAll(async () => {
  fake = await FakeGhlServer.start({ burstLimit: 1_000_000 });
});
afterAll(() => fake.close());

/** What GoHighLevel should make of a contact: no identity or a bad email is invalid, the rest is saved. */
type Kind = "ok" | "no identity" | "bad email";
const kinds = fc.constantFrom<Kind>("ok", "ok", "no identity", "bad email");

function contactOf(kind: Kind, i: number): CrmContact {
  if (kind === "no identity") return { firstName: `nobody${i}` };
  if (kind === "bad email") return { email: `broken${i}.example.com` };
  return { email: `lead${i}@example.com`, tags: [`t${i}`] };
}

describe("GhlCrmGateway batches", () => {
  it("property: one result per contact, in input order, each saying what became of that contact", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(kinds, { maxLength: 6 }), async (batch) => {
        const crm = new GhlCrmGateway({
          baseURL: fake.url,
          token: fake.token,
          locationId: `loc-${++run}`,
          timeoutMs: 2_000,
        });
        const results = await crm.upsertContacts(batch.map(contactOf));

        expect(results).toHaveLength(batch.length);
        results.forEach((r, i) => {
          expect(r.ok ? "ok" : r.code).toBe(batch[i] === "ok" ? "ok" : "invalid");
          if (r.ok) expect(fake.contact(r.crmId)?.email).toBe(`lead${i}@example.com`);
        });
      }),
      { numRuns: 200 },
    );
  });
});
