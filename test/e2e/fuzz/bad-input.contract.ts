/**
 * Every endpoint fuzzed with hostile requests (fast-check): wrong types, missing and extra fields, huge
 * strings, deep nesting, invalid UTF-8, lone surrogates, NUL, NaN-like numbers, prototype-pollution keys,
 * wrong content types, odd path ids. The promise: a 2xx valid answer or a 4xx problem+json, never a 5xx,
 * the process stays up, and a rejected request writes nothing anywhere.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mode } from "../api-harness.ts";
import { expectWellFormedAnswer } from "./answer-shape.ts";
import { type FuzzService, startFuzzService } from "./fuzz-service.ts";
import { pathId, querySuffix } from "./hostile-paths.ts";
import { contentHeaders, hostileBody, type Shape } from "./hostile-requests.ts";
import { SUCCESS } from "./success-answers.ts";

interface Ids {
  conversations: string[];
  contacts: string[];
}

interface Endpoint {
  route: string;
  method: string;
  check: keyof typeof SUCCESS;
  shape: Shape;
  path(ids: Ids): fc.Arbitrary<string>;
}

const ENDPOINTS: Endpoint[] = [
  {
    route: "POST /api/leads/qualify",
    method: "POST",
    check: "qualify",
    shape: "qualify",
    path: () => fc.constant("/api/leads/qualify"),
  },
  {
    route: "POST /api/contacts/sync",
    method: "POST",
    check: "contactSync",
    shape: "contactSync",
    path: () => fc.constant("/api/contacts/sync"),
  },
  {
    route: "POST /api/conversations",
    method: "POST",
    check: "startConversation",
    shape: "startConversation",
    path: () => fc.constant("/api/conversations"),
  },
  {
    route: "POST /api/conversations/:id/messages",
    method: "POST",
    check: "message",
    shape: "message",
    path: (ids) => pathId(ids.conversations).map((id) => `/api/conversations/${id}/messages`),
  },
  {
    route: "GET /api/conversations/:id",
    method: "GET",
    check: "readConversation",
    shape: "none",
    path: (ids) => pathId(ids.conversations).map((id) => `/api/conversations/${id}`),
  },
  {
    route: "GET /api/contacts/:id/export",
    method: "GET",
    check: "exportContact",
    shape: "none",
    path: (ids) => pathId(ids.contacts).map((id) => `/api/contacts/${id}/export`),
  },
  {
    route: "DELETE /api/contacts/:id",
    method: "DELETE",
    check: "deleteContact",
    shape: "none",
    path: (ids) => pathId(ids.contacts).map((id) => `/api/contacts/${id}`),
  },
  {
    route: "GET /api/costs",
    method: "GET",
    check: "costs",
    shape: "none",
    path: () => fc.constant("/api/costs"),
  },
];

/** Conversations and contacts for the id-taking endpoints to find (and the DELETE fuzz to erase). */
async function seed(s: FuzzService): Promise<Ids> {
  const ids: Ids = { conversations: [], contacts: [] };
  for (let i = 0; i < 6; i++) {
    const r = await s.call("acme", "POST", "/api/conversations", {
      lead: { email: `fuzz-conv-${i}@example.com` },
    });
    ids.conversations.push((r.json as { conversationId: string }).conversationId);
  }
  const contacts = Array.from({ length: 40 }, (_, i) => ({ email: `fuzz-contact-${i}@example.com` }));
  const sync = await s.call("acme", "POST", "/api/contacts/sync", { contacts });
  ids.contacts.push(...(sync.json as { results: Array<{ id: string }> }).results.map((r) => r.id));
  return ids;
}

export function describeBadInput(mode: Mode, skip: string | false, numRuns: number): void {
  (skip ? describe.skip : describe)(`bad input on every endpoint (${mode})`, () => {
    let s: FuzzService;
    let ids: Ids;
    beforeAll(async () => {
      s = await startFuzzService(mode);
      ids = await seed(s);
    });
    afterAll(async () => s?.close());

    for (const e of ENDPOINTS) {
      it(`property: ${e.route} answers any hostile request with a valid 2xx or a 4xx problem+json, never a 5xx, and a rejected one writes nothing`, async () => {
        await fc.assert(
          fc.asyncProperty(
            e.path(ids),
            querySuffix,
            hostileBody(e.shape),
            contentHeaders,
            fc.boolean(),
            async (path, query, body, headers, chunked) => {
              s.writes.reset();
              const reply = await s.client.send({
                method: e.method,
                path: `${path}${query}`,
                headers: { ...headers, ...s.auth("acme") },
                ...(body ? { body } : {}),
                chunked,
              });
              expectWellFormedAnswer(reply);
              if (reply.status < 300) SUCCESS[e.check]!(reply.json as Record<string, unknown>, reply.status);
              else expect(s.writes.since()).toEqual([]);
            },
          ),
          { numRuns },
        );
        expect((await s.client.send({ method: "GET", path: "/health" })).status).toBe(200);
      });
    }
  });
}
