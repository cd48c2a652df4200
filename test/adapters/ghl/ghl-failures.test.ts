import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GhlCrmGateway } from "../../../src/adapters/ghl/ghl-crm-gateway.ts";
import type { CrmContact } from "../../../src/ports/crm-gateway.ts";
import { FakeGhlServer } from "../../fakes/fake-ghl-server.ts";
import { refusedUrl } from "../../fakes/scripted-http-server.ts";

const TOKEN = "pit-secret-token-77";
let clock = Date.UTC(2026, 1, 14, 9, 0, 0);
let fake: FakeGhlServer;
let n = 0;

/** A gateway for a location no other test uses, so each starts with a full burst budget. */
function freshGateway(timeoutMs = 2_000): GhlCrmGateway {
  return new GhlCrmGateway({ baseURL: fake.url, token: TOKEN, locationId: `loc-${++n}`, timeoutMs });
}

function leads(count: number): CrmContact[] {
  return Array.from({ length: count }, (_, i) => ({ email: `lead${i}@example.com` }));
}

beforeAll(async () => {
  fake = await FakeGhlServer.start({ token: TOKEN, now: () => clock, slowMs: 30_000 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.resetScript();
  fake.setLatency(undefined);
});

describe("GhlCrmGateway at the burst limit (100 requests / 10 s per location)", () => {
  it("answers rate_limited once the window is spent, and stops sending for the rest of the batch", async () => {
    const crm = freshGateway();
    const results = await crm.upsertContacts(leads(104));

    expect(results).toHaveLength(104);
    expect(results.slice(0, 100).every((r) => r.ok)).toBe(true);
    for (const r of results.slice(100)) {
      expect(r).toMatchObject({ ok: false, code: "rate_limited", retryAfterMs: 10_000 });
    }
    // 100 accepted + the one refused; the three after it were never sent.
    expect(fake.requestCount).toBe(101);
    expect(crm.rateLimit()).toEqual({ remaining: 0, max: 100, intervalMs: 10_000 });
  });

  it("sends X-RateLimit headers on the 429 itself", async () => {
    const crm = freshGateway();
    await crm.upsertContacts(leads(101));

    const refused = await fetch(`${fake.url}/contacts/upsert`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Version: "2021-07-28",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ locationId: `loc-${n}`, email: "late@example.com" }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("x-ratelimit-max")).toBe("100");
    expect(refused.headers.get("x-ratelimit-interval-milliseconds")).toBe("10000");
  });

  it("accepts contacts again once the window has passed", async () => {
    const crm = freshGateway();
    await crm.upsertContacts(leads(101));
    clock += 10_001;
    const [later] = await crm.upsertContacts([{ email: "later@example.com" }]);

    expect(later).toMatchObject({ ok: true, created: true });
    expect(crm.rateLimit()?.remaining).toBe(99);
  });

  it("takes the wait from Retry-After when GoHighLevel sends one", async () => {
    fake.script([{ status: 429, headers: { "Retry-After": "3" } }]);
    const [result] = await freshGateway().upsertContacts([{ email: "x@example.com" }]);

    expect(result).toMatchObject({ ok: false, code: "rate_limited", retryAfterMs: 3_000 });
  });

  it("fails the contact when its tags are refused, saying the contact itself was saved", async () => {
    fake.script(["ok", { status: 429 }]);
    const [result] = await freshGateway().upsertContacts([{ email: "y@example.com", tags: ["buyer"] }]);

    expect(result).toMatchObject({
      ok: false,
      code: "rate_limited",
      message: expect.stringContaining("saved, tags not"),
    });
  });
});

describe("GhlCrmGateway when GoHighLevel fails", () => {
  it.each([
    ["a 500", { status: 500 }],
    ["a 502", { status: 502 }],
    ["a 503", { status: 503 }],
    ["a dropped connection", "down" as const],
    ["an answer slower than the timeout", "slow" as const],
  ])("reports %s as unavailable and goes on with the next contact", async (_what, step) => {
    fake.script([step]);
    const results = await freshGateway(300).upsertContacts([
      { email: "a@example.com" },
      { email: "b@example.com" },
    ]);

    expect(results[0]).toMatchObject({ ok: false, code: "unavailable" });
    expect(results[1]).toMatchObject({ ok: true, created: true });
    expect(fake.requestCount).toBe(2);
  });

  it("reports an outage (every request dropped) as unavailable for every contact", async () => {
    fake.setDefault("down");
    const results = await freshGateway().upsertContacts(leads(3));

    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["unavailable", "unavailable", "unavailable"]);
    // An outage is not a refusal: each contact is still tried.
    expect(fake.requestCount).toBe(3);
  });

  it("reports modeled latency beyond the timeout as unavailable", async () => {
    fake.setLatency(() => 5_000);
    const [result] = await freshGateway(200).upsertContacts([{ email: "slow@example.com" }]);

    expect(result).toMatchObject({
      ok: false,
      code: "unavailable",
      message: expect.stringContaining("within 200 ms"),
    });
  });

  it("reports a refused connection as unavailable for every contact", async () => {
    const crm = new GhlCrmGateway({
      baseURL: await refusedUrl(),
      token: TOKEN,
      locationId: "l",
      timeoutMs: 1_000,
    });
    const results = await crm.upsertContacts(leads(2));

    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["unavailable", "unavailable"]);
    expect(results[0]).toMatchObject({ message: expect.stringContaining("ECONNREFUSED") });
  });

  it("reports a wrong token as auth, stops the batch, and never shows the token", async () => {
    const wrong = "pit-wrong-token-00";
    const crm = new GhlCrmGateway({ baseURL: fake.url, token: wrong, locationId: "l", timeoutMs: 1_000 });
    const results = await crm.upsertContacts(leads(3));

    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["auth", "auth", "auth"]);
    expect(fake.requestCount).toBe(1);
    for (const r of results) expect(JSON.stringify(r)).not.toContain(wrong);
  });

  it("reports a missing Version header the way GoHighLevel does (400)", async () => {
    const response = await fetch(`${fake.url}/contacts/upsert`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ locationId: "l", email: "v@example.com" }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, message: "version header was not found" });
  });
});
