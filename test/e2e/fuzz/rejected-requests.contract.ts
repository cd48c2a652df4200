/**
 * A rejected request leaves nothing behind: over-limit bodies answer 413, a batch with one bad contact
 * stores none of the batch, rejected qualifications bill nothing, and the text PostgreSQL cannot hold
 * (NUL, lone surrogates) or a 10,000-level nesting is a 400 naming the field, never a 5xx.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mode } from "../api-harness.ts";
import { expectWellFormedAnswer } from "./answer-shape.ts";
import { type FuzzService, startFuzzService } from "./fuzz-service.ts";
import { deepNesting, jsonBody } from "./hostile-json.ts";
import { validShapes } from "./hostile-requests.ts";

const BODY_LIMIT = 256 * 1024;
const POST_ROUTES = ["/api/leads/qualify", "/api/contacts/sync", "/api/conversations"];

const invalidContact = fc.constantFrom<Record<string, unknown>>(
  { email: "not-an-email" },
  { phone: "123" },
  { firstName: "Nobody" },
  { email: "ok@example.com", tags: ["a\u0000b"] },
  { email: "ok@example.com", lastName: "\ud800" },
  { email: "ok@example.com", lastName: "x".repeat(101) },
  { email: "ok@example.com", crmId: "planted" },
  Object.fromEntries([
    ["email", "ok@example.com"],
    ["__proto__", { doNotContact: true }],
  ]),
);

/** Each text field of each body, holding `bad`, with the field the 400 must name. */
const badTextCases = (bad: string): Array<[string, unknown, string]> => [
  ["/api/leads/qualify", { messages: [{ text: `hi ${bad}` }] }, "body.messages.0.text"],
  ["/api/leads/qualify", { lead: { name: bad }, messages: [{ text: "hi" }] }, "body.lead.name"],
  [
    "/api/contacts/sync",
    { contacts: [{ email: "a@example.com", firstName: bad }] },
    "body.contacts.0.firstName",
  ],
  ["/api/contacts/sync", { contacts: [{ email: "a@example.com", tags: [bad] }] }, "body.contacts.0.tags.0"],
  ["/api/conversations", { message: `I want to buy ${bad}` }, "body.message"],
  ["/api/conversations", { lead: { source: bad } }, "body.lead.source"],
];

export function describeRejectedRequests(mode: Mode, skip: string | false, numRuns: number): void {
  (skip ? describe.skip : describe)(`rejected requests store nothing (${mode})`, () => {
    let s: FuzzService;
    let conversation: string;
    let run = 0;
    beforeAll(async () => {
      s = await startFuzzService(mode);
      const c = await s.call("acme", "POST", "/api/conversations", {});
      conversation = (c.json as { conversationId: string }).conversationId;
    });
    afterAll(async () => s?.close());

    it("property: any body over the size limit answers 413 problem+json on every route, chunked or not, and writes nothing", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...POST_ROUTES, "/api/costs", `/api/conversations/${conversation}/messages`),
          fc.integer({ min: BODY_LIMIT + 1, max: 3 * BODY_LIMIT }),
          fc.boolean(),
          fc.boolean(),
          async (path, size, asJson, chunked) => {
            s.writes.reset();
            const padding = "x".repeat(size);
            const body = asJson ? JSON.stringify({ messages: [{ text: padding }] }) : padding;
            const reply = await s.client.send({
              method: "POST",
              path,
              headers: { ...s.auth("acme"), "Content-Type": "application/json" },
              body,
              chunked,
            });
            expectWellFormedAnswer(reply);
            expect(reply.status).toBe(413);
            expect(s.writes.since()).toEqual([]);
          },
        ),
        { numRuns },
      );
    });

    it("property: a contacts batch with one invalid contact is rejected whole, naming it, and none of the batch was stored", async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.nat(), invalidContact, async (n, at, bad) => {
          const id = ++run;
          const valid = Array.from({ length: n }, (_, i) => ({ email: `half-${id}-${i}@example.com` }));
          const index = at % (n + 1);
          const batch = [...valid.slice(0, index), bad, ...valid.slice(index)];
          s.writes.reset();
          const rejected = await s.call("acme", "POST", "/api/contacts/sync", { contacts: batch });
          expectWellFormedAnswer(rejected);
          expect(rejected.status).toBe(400);
          const fields = (rejected.json as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
          expect(fields.every((f) => f.startsWith(`body.contacts.${index}`))).toBe(true);
          expect(s.writes.since()).toEqual([]);
          // Seen from outside: syncing the valid ones now creates every one of them.
          const again = await s.call("acme", "POST", "/api/contacts/sync", { contacts: valid });
          const statuses = (again.json as { results: Array<{ status: string }> }).results.map(
            (r) => r.status,
          );
          expect(statuses).toEqual(valid.map(() => "created"));
        }),
        { numRuns },
      );
    });

    it("property: rejected qualify and conversation requests bill nothing: a tenant that only sends them has no costs", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("qualify", "startConversation", "message"),
          fc.oneof(validShapes.qualify, validShapes.startConversation, validShapes.message),
          async (route, valid) => {
            // An unknown top-level field: the strict schemas must refuse the whole request.
            const body = { ...valid, unexpected: true };
            const path =
              route === "qualify"
                ? "/api/leads/qualify"
                : route === "message"
                  ? `/api/conversations/${conversation}/messages`
                  : "/api/conversations";
            const reply = await s.call("junk", "POST", path, body);
            expectWellFormedAnswer(reply);
            expect([400, 404]).toContain(reply.status);
          },
        ),
        { numRuns },
      );
      const costs = await s.call("junk", "GET", "/api/costs");
      expect((costs.json as { rows: unknown[] }).rows).toEqual([]);
    });

    it.each([
      ["NUL", "\u0000"],
      ["a lone high surrogate", "\ud83d"],
      ["a lone low surrogate", "\udc00"],
    ])("%s in any text field answers 400 naming that field, never a database error", async (_name, bad) => {
      for (const [path, body, field] of badTextCases(bad)) {
        s.writes.reset();
        const reply = await s.call("acme", "POST", path, body);
        expectWellFormedAnswer(reply);
        expect(reply.status, `${path} ${field}`).toBe(400);
        expect((reply.json as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(
          field,
        );
        expect(s.writes.since()).toEqual([]);
      }
    });

    it("property: 1,000 to 25,000 levels of nesting in the fields of any body answer 400 naming a field", async () => {
      await fc.assert(
        fc.asyncProperty(deepNesting, fc.constantFrom(...POST_ROUTES), async (deep, path) => {
          const field = {
            "/api/leads/qualify": { messages: [{ text: deep }] },
            "/api/contacts/sync": { contacts: [deep] },
          };
          const body = jsonBody(field[path as keyof typeof field] ?? { lead: deep });
          const reply = await s.client.send({
            method: "POST",
            path,
            headers: { ...s.auth("acme"), "Content-Type": "application/json" },
            body,
          });
          expectWellFormedAnswer(reply);
          expect(reply.status).toBe(400);
        }),
        { numRuns },
      );
    });
  });
}
