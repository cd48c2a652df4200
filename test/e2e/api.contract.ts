/** The API's end-to-end specification, run on the simulated composition and on real Redis + PostgreSQL. */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, type Harness, type Mode, startHarness } from "./api-harness.ts";

const qualifyBody = (text: string) => ({
  lead: { name: "Ana López", email: "ana@example.com", source: "web" },
  messages: [{ text }],
});

export function describeApi(mode: Mode, skip: string | false): void {
  (skip ? describe.skip : describe)(`API end to end (${mode})`, () => {
    let h: Harness;
    let app: Harness["service"]["app"];
    beforeAll(async () => {
      h = await startHarness(mode);
      app = h.service.app;
    });
    afterAll(async () => h?.close());

    it("GET /health answers 200 without touching anything", async () => {
      const res = await request(app).get("/health").expect(200);
      expect(res.body).toEqual({ status: "ok" });
    });

    it("GET /ready reports each dependency with its latency", async () => {
      const res = await request(app).get("/ready").expect(200);
      expect(res.body.status).toBe("ready");
      for (const c of res.body.checks)
        expect(c).toMatchObject({ status: "up", latencyMs: expect.any(Number) });
    });

    it("POST /api/leads/qualify qualifies a lead and says which model and tier served it, and the cost", async () => {
      const res = await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("acme"))
        .send(
          qualifyBody(
            `We want to buy a 3 bed in Austin, pre-approved up to 600k, moving in 2 months (${mode})`,
          ),
        )
        .expect(200);
      expect(res.body.qualification).toMatchObject({
        intent: "buy",
        financing: "pre_approved",
        budgetMax: 600_000,
      });
      expect(res.body).toMatchObject({ temperature: "hot", cache: "origin", model: expect.any(String) });
      expect(res.body.cost).toMatchObject({
        totalMicros: expect.any(Number),
        total: expect.stringMatching(/^\$/),
      });
      expect(res.headers["x-request-id"]).toBe(res.body.requestId);
    });

    it("serves the same lead a second time from a cache tier, with no LLM dollars", async () => {
      const body = qualifyBody(
        `Selling my condo in Denver, hoping to get 450k, need to move by summer (${mode})`,
      );
      await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("acme"))
        .send(body)
        .expect(200);
      const again = await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("acme"))
        .send(body)
        .expect(200);
      expect(["L1", "L2", "L3"]).toContain(again.body.cache);
      expect(again.body.cost.llmMicros).toBe(0);
    });

    it("makes exactly one model call for 100 concurrent qualify requests about one new lead", async () => {
      const body = qualifyBody(`Brand new lead for the stampede test, buying in Tampa around 350k (${mode})`);
      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          request(app).post("/api/leads/qualify").set("Authorization", bearer("flight")).send(body),
        ),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(results.filter((r) => r.body.attempts > 0)).toHaveLength(1);
      const costs = await request(app).get("/api/costs").set("Authorization", bearer("flight")).expect(200);
      const modelled = costs.body.rows.filter((r: { model: string | null }) => r.model !== null);
      expect(modelled.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(1);
    });

    it("POST /api/contacts/sync stores a batch: created first, updated when the same people come again", async () => {
      const contacts = [
        { email: `sync-${mode}@example.com`, firstName: "Zoë", tags: ["web"] },
        { phone: "+1 (512) 555-0100" },
      ];
      const first = await request(app)
        .post("/api/contacts/sync")
        .set("Authorization", bearer("acme"))
        .send({ contacts })
        .expect(200);
      expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(["created", "created"]);
      const second = await request(app)
        .post("/api/contacts/sync")
        .set("Authorization", bearer("acme"))
        .send({ contacts })
        .expect(200);
      expect(second.body.results.map((r: { status: string }) => r.status)).toEqual(["updated", "updated"]);
      expect(second.body.results[0].id).toBe(first.body.results[0].id);
    });

    it("GET /api/costs shows the tenant's ledger by operation and model, with projections, and no other tenant's", async () => {
      const acme = await request(app).get("/api/costs").set("Authorization", bearer("acme")).expect(200);
      expect(acme.body.rows.some((r: { operation: string }) => r.operation === "lead_qualification")).toBe(
        true,
      );
      expect(acme.body.projections.map((p: { tier: string }) => p.tier)).toEqual([
        "Starter",
        "Professional",
        "Enterprise",
      ]);
      const beta = await request(app).get("/api/costs").set("Authorization", bearer("beta")).expect(200);
      expect(beta.body.rows).toEqual([]);
    });

    it("answers 401 problem+json without a key, and with a wrong one", async () => {
      const none = await request(app).post("/api/leads/qualify").send(qualifyBody("hi")).expect(401);
      expect(none.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
      await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", "Bearer not-a-real-key-at-all")
        .send(qualifyBody("hi"))
        .expect(401);
    });

    it("answers 400 naming the field for an invalid body, and stores nothing", async () => {
      const res = await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("beta"))
        .send({ lead: { email: "not-an-email" }, messages: [] })
        .expect(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["body.lead.email", "body.messages"]));
      const costs = await request(app).get("/api/costs").set("Authorization", bearer("beta")).expect(200);
      expect(costs.body.rows).toEqual([]);
    });

    it("answers 400 for malformed JSON and for a batch of more than 100 contacts", async () => {
      await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("beta"))
        .set("Content-Type", "application/json")
        .send('{"messages": [')
        .expect(400);
      const contacts = Array.from({ length: 101 }, (_, i) => ({ email: `c${i}@example.com` }));
      const res = await request(app)
        .post("/api/contacts/sync")
        .set("Authorization", bearer("beta"))
        .send({ contacts })
        .expect(400);
      expect(res.body.errors[0].field).toBe("body.contacts");
    });

    it("answers 413 for a body over the limit", async () => {
      const huge = qualifyBody("x".repeat(300 * 1024));
      const res = await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("beta"))
        .send(huge)
        .expect(413);
      expect(res.body).toMatchObject({ status: 413, title: "Payload too large" });
    });

    it("answers 404 problem+json for an unknown route", async () => {
      const res = await request(app).get("/nope").expect(404);
      expect(res.body).toMatchObject({ status: 404 });
    });

    it("answers 429 with Retry-After past the per-key rate limit", async () => {
      const limited = await startHarness(mode, { RATE_LIMIT_PER_MINUTE: "3" });
      try {
        const codes = [];
        for (let i = 0; i < 5; i++) {
          const r = await request(limited.service.app)
            .get("/api/costs")
            .set("Authorization", bearer("limited"));
          codes.push(r.status);
          if (r.status === 429) expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
        }
        expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
        expect(codes.slice(3)).toEqual([429, 429]);
      } finally {
        await limited.close();
      }
    });

    it("GET /metrics exposes request durations, cache lookups per tier and LLM tokens", async () => {
      const res = await request(app).get("/metrics").expect(200);
      expect(res.text).toContain("eh_http_request_duration_seconds_bucket");
      expect(res.text).toMatch(/eh_cache_lookups\{tier="L1",outcome="hit"\} \d+/);
      expect(res.text).toContain("eh_llm_tokens_total");
      expect(res.text).toMatch(/eh_cache_breaker_open\{tier="L1"\} 0/);
      expect(res.text).toMatch(/eh_crm_outbox_pending \d+/);
    });

    it("GET /openapi.json documents every endpoint from the validating schemas", async () => {
      const res = await request(app).get("/openapi.json").expect(200);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          "/api/leads/qualify",
          "/api/contacts/sync",
          "/api/costs",
          "/health",
          "/ready",
        ]),
      );
      const schema = res.body.paths["/api/contacts/sync"].post.requestBody.content["application/json"].schema;
      expect(schema.properties.contacts.maxItems).toBe(100);
    });
  });
}
