/**
 * Tenant isolation end to end, through two tenants' keys: beta can neither read nor change acme's
 * conversations, contacts, leads or costs, is never served acme's cached qualification, and no caller can
 * choose the ids records are stored under.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mode } from "../api-harness.ts";
import { expectWellFormedAnswer } from "./answer-shape.ts";
import { type FuzzService, startFuzzService } from "./fuzz-service.ts";

interface AcmeData {
  conversation: string;
  contact: string;
  messages: number;
  leads: number;
}

type Json = Record<string, unknown>;
const body = (r: { json: unknown }) => r.json as Json;
const rowsCount = (costs: Json, operation: string) =>
  (costs.rows as Array<{ operation: string; count: number }>)
    .filter((r) => r.operation === operation)
    .reduce((n, r) => n + r.count, 0);

export function describeTenantIsolation(mode: Mode, skip: string | false, numRuns: number): void {
  (skip ? describe.skip : describe)(`tenant isolation (${mode})`, () => {
    let s: FuzzService;
    let acme: AcmeData;
    let run = 0;
    beforeAll(async () => {
      s = await startFuzzService(mode);
      const email = `isolated-${mode}@example.com`;
      const conv = await s.call("acme", "POST", "/api/conversations", {
        lead: { email, name: "Ana Acme" },
        message: "We want to buy a 3 bed in Austin, budget 600k",
      });
      const q = await s.call("acme", "POST", "/api/leads/qualify", {
        lead: { email },
        messages: [{ text: "Selling my condo in Denver for 450k" }],
      });
      const read = await s.call("acme", "GET", `/api/conversations/${body(conv).conversationId}`);
      const exported = await s.call("acme", "GET", `/api/contacts/${body(q).contactId}/export`);
      acme = {
        conversation: body(conv).conversationId as string,
        contact: body(q).contactId as string,
        messages: (body(read).messages as unknown[]).length,
        leads: (body(exported).leads as unknown[]).length,
      };
    });
    afterAll(async () => s?.close());

    it("property: every request beta makes on acme's conversation or contact answers 404 problem+json and writes nothing", async () => {
      const routes = (a: AcmeData): Array<[string, string, unknown]> => [
        ["GET", `/api/conversations/${a.conversation}`, undefined],
        ["POST", `/api/conversations/${a.conversation}/messages`, { text: "I want to sell, score 100" }],
        ["GET", `/api/contacts/${a.contact}/export`, undefined],
        ["DELETE", `/api/contacts/${a.contact}`, undefined],
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes(acme)), async ([method, path, payload]) => {
          s.writes.reset();
          const reply = await s.call("beta", method, path, payload);
          expectWellFormedAnswer(reply);
          expect(reply.status).toBe(404);
          expect(s.writes.since()).toEqual([]);
        }),
        { numRuns },
      );
      // Acme's data is as it was.
      const read = await s.call("acme", "GET", `/api/conversations/${acme.conversation}`);
      expect((body(read).messages as unknown[]).length).toBe(acme.messages);
      const exported = await s.call("acme", "GET", `/api/contacts/${acme.contact}/export`);
      expect(exported.status).toBe(200);
      expect(body(exported).leads).toHaveLength(acme.leads);
    });

    it("beta sees none of acme's costs, and its own only once it spends", async () => {
      const acmeCosts = body(await s.call("acme", "GET", "/api/costs"));
      expect(rowsCount(acmeCosts, "lead_qualification")).toBeGreaterThan(0);
      expect(body(await s.call("beta", "GET", "/api/costs")).rows).toEqual([]);
      await s.call("beta", "POST", "/api/leads/qualify", {
        messages: [{ text: `beta's own lead (${mode})` }],
      });
      expect(rowsCount(body(await s.call("beta", "GET", "/api/costs")), "lead_qualification")).toBe(1);
      expect(body(await s.call("acme", "GET", "/api/costs")).rows).toEqual(acmeCosts.rows);
    });

    it("property: a qualification cached for acme is never served to beta: the same messages reach beta's origin first", async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), async (words) => {
          const messages = [{ text: `We want to buy, ${words.trim() || "soon"} (${mode} ${++run})` }];
          const first = body(await s.call("acme", "POST", "/api/leads/qualify", { messages }));
          const again = body(await s.call("acme", "POST", "/api/leads/qualify", { messages }));
          const beta = body(await s.call("beta", "POST", "/api/leads/qualify", { messages }));
          expect(first.cache).toBe("origin");
          expect(again.cache).not.toBe("origin");
          expect(beta.cache).toBe("origin");
        }),
        { numRuns },
      );
    });

    it("the same person synced by both tenants is two contacts: erasing acme's leaves beta's", async () => {
      const contacts = [{ email: `shared-person-${mode}@example.com`, firstName: "Sam" }];
      const a = body(await s.call("acme", "POST", "/api/contacts/sync", { contacts }));
      const b = body(await s.call("beta", "POST", "/api/contacts/sync", { contacts }));
      const [aId, bId] = [a, b].map((x) => (x.results as Array<{ id: string; status: string }>)[0]!.id);
      expect(aId).not.toBe(bId);
      expect((await s.call("acme", "DELETE", `/api/contacts/${aId}`)).status).toBe(200);
      const still = await s.call("beta", "GET", `/api/contacts/${bId}/export`);
      expect(still.status).toBe(200);
      expect(body(still).contact).toMatchObject({ id: bId, email: contacts[0]!.email });
    });

    it("a caller-chosen X-Request-Id never names a record: repeated or shared across tenants, every request is stored and billed", async () => {
      const chosen = { "X-Request-Id": `chosen-id-${mode}` };
      const qualify = (tenant: "acme" | "beta", i: number) =>
        s.client.send({
          method: "POST",
          path: "/api/leads/qualify",
          headers: { ...s.auth(tenant), ...chosen, "Content-Type": "application/json" },
          body: JSON.stringify({ messages: [{ text: `request id reuse ${mode} ${tenant} ${i}` }] }),
        });
      const count = async (tenant: "acme" | "beta") =>
        rowsCount(body(await s.call(tenant, "GET", "/api/costs")), "lead_qualification");
      const [acmeBefore, betaBefore] = [await count("acme"), await count("beta")];
      const answers = [await qualify("acme", 1), await qualify("acme", 2), await qualify("beta", 1)];
      const leadIds = answers.map((r) => body(r).leadId);
      expect(new Set(leadIds).size).toBe(3);
      expect(leadIds).not.toContain(chosen["X-Request-Id"]);
      expect(await count("acme")).toBe(acmeBefore + 2);
      expect(await count("beta")).toBe(betaBefore + 1);
      const conv = await s.client.send({
        method: "POST",
        path: "/api/conversations",
        headers: { ...s.auth("beta"), ...chosen, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(body(conv).conversationId).not.toBe(chosen["X-Request-Id"]);
    });
  });
}
