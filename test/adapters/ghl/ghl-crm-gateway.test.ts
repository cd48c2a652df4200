import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GhlCrmGateway } from "../../../src/adapters/ghl/ghl-crm-gateway.ts";
import type { CrmUpsertResult } from "../../../src/ports/crm-gateway.ts";
import { FakeGhlServer } from "../../fakes/fake-ghl-server.ts";

const TOKEN = "pit-0f3c9a7e-test";
let fake: FakeGhlServer;
let crm: GhlCrmGateway;
let location: string;
let n = 0;

beforeAll(async () => {
  fake = await FakeGhlServer.start({ token: TOKEN });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.resetScript();
  // A location per test: contacts and burst budgets never leak between tests.
  location = `loc-${++n}`;
  crm = new GhlCrmGateway({ baseURL: fake.url, token: TOKEN, locationId: location, timeoutMs: 2_000 });
});

/** The crmId of a successful result (fails the test otherwise). */
function idOf(result: CrmUpsertResult | undefined): string {
  expect(result?.ok).toBe(true);
  return (result as { crmId: string }).crmId;
}

describe("GhlCrmGateway.upsertContacts", () => {
  it("creates a contact, then finds it again by email in any letter case", async () => {
    const [created] = await crm.upsertContacts([{ email: "Ana.Lopez@Example.com", firstName: "Ana" }]);
    const [updated] = await crm.upsertContacts([{ email: "ana.lopez@example.com", lastName: "Lopez" }]);

    expect(created).toMatchObject({ ok: true, created: true });
    expect(updated).toMatchObject({ ok: true, created: false, crmId: idOf(created) });
    expect(fake.contact(idOf(created))).toMatchObject({
      firstName: "Ana",
      lastName: "Lopez",
      locationId: location,
    });
  });

  it("finds a contact again by its phone digits, however they are written", async () => {
    const [created] = await crm.upsertContacts([{ phone: "(512) 555-0100", firstName: "Sam" }]);
    const [updated] = await crm.upsertContacts([{ phone: "+1 512 555 0100", source: "web form" }]);

    expect(updated).toMatchObject({ ok: true, created: false, crmId: idOf(created) });
    expect(fake.contact(idOf(created))).toMatchObject({
      phone: "+15125550100",
      firstName: "Sam",
      source: "web form",
    });
  });

  it("keeps the tags of both of two syncs (tags are added, never replaced)", async () => {
    const [first] = await crm.upsertContacts([{ email: "lee@example.com", tags: ["buyer", "austin"] }]);
    await crm.upsertContacts([{ email: "lee@example.com", tags: ["hot"] }]);

    const stored = await fetch(`${fake.url}/contacts/${idOf(first)}`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Version: "2021-07-28" },
    });
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { contact: { tags: string[] } }).contact.tags).toEqual([
      "buyer",
      "austin",
      "hot",
    ]);
  });

  it("never sends tags in the upsert, where they would replace the contact's tags", async () => {
    await crm.upsertContacts([{ email: "kim@example.com", tags: ["seller"], dnd: true }]);

    const [upsert, tags] = fake.requests;
    expect(upsert?.path).toBe("/contacts/upsert");
    expect(upsert?.body).toEqual({ locationId: location, email: "kim@example.com", dnd: true });
    expect(tags?.path).toMatch(/^\/contacts\/[^/]+\/tags$/);
    expect(tags?.body).toEqual({ tags: ["seller"] });
  });

  it("sends the token, API version and JSON headers", async () => {
    await crm.upsertContacts([{ email: "jo@example.com" }]);

    const headers = fake.requests[0]!.headers;
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(headers.version).toBe("2021-07-28");
    expect(headers["content-type"]).toBe("application/json");
    expect(headers.accept).toBe("application/json");
  });

  it("returns one result per contact, in input order, with failures in place", async () => {
    const results = await crm.upsertContacts([
      { email: "one@example.com" },
      { firstName: "No Contact Details" },
      { email: "not-an-email" },
      { phone: "5125550199" },
    ]);

    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["ok", "invalid", "invalid", "ok"]);
    expect(results[2]).toMatchObject({
      ok: false,
      message: expect.stringContaining("email must be an email"),
    });
  });

  it("refuses a contact with neither email nor phone without spending a request", async () => {
    const [result] = await crm.upsertContacts([{ firstName: "Anonymous", tags: ["x"] }]);

    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(fake.requestCount).toBe(0);
  });

  it("reports GoHighLevel's 422 message as invalid", async () => {
    const [result] = await crm.upsertContacts([{ email: "two@@example" }]);

    expect(result).toEqual({
      ok: false,
      code: "invalid",
      message: "GoHighLevel 422: email must be an email",
    });
  });

  it("exposes the latest burst budget from the X-RateLimit headers", async () => {
    expect(crm.rateLimit()).toBeUndefined();
    await crm.upsertContacts([{ email: "a@example.com", tags: ["t"] }, { email: "b@example.com" }]);

    expect(crm.rateLimit()).toEqual({ remaining: 97, max: 100, intervalMs: 10_000 });
  });
});

describe("GhlCrmGateway construction", () => {
  it.each([
    ["a blank token", { token: " ", locationId: "l", timeoutMs: 1 }],
    ["a blank location", { token: "t", locationId: "", timeoutMs: 1 }],
    ["a negative timeout", { token: "t", locationId: "l", timeoutMs: -1 }],
  ])("refuses %s", (_what, options) => {
    expect(() => new GhlCrmGateway(options)).toThrow(TypeError);
  });
});
