/**
 * Authentication at the door: no key, a wrong key or any malformed Authorization header is a 401
 * problem+json on every /api route, before the body is even parsed, and nothing is written.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mode } from "../api-harness.ts";
import { expectWellFormedAnswer } from "./answer-shape.ts";
import { FUZZ_KEYS, type FuzzService, startFuzzService } from "./fuzz-service.ts";

const ROUTES: ReadonlyArray<[string, string]> = [
  ["POST", "/api/leads/qualify"],
  ["POST", "/api/contacts/sync"],
  ["POST", "/api/conversations"],
  ["POST", "/api/conversations/some-id/messages"],
  ["GET", "/api/conversations/some-id"],
  ["GET", "/api/contacts/some-id/export"],
  ["DELETE", "/api/contacts/some-id"],
  ["GET", "/api/costs"],
];

/** Raw UTF-8 bytes carried in a header (Node sends header strings as latin1). */
const utf8Bytes = (s: string): string => Buffer.from(s, "utf8").toString("latin1");

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const realKey = fc.constantFrom(...Object.values(FUZZ_KEYS));

/** Authorization values that must never authenticate. */
const badAuthorization: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "Bearer",
    "Bearer ",
    "Bearer\t",
    "Basic YWNtZTphY21lLWtleS0wMTIzNDU2Nzg5YWJjZGVm",
    "Digest username=acme",
    "Token acme-key-0123456789abcdef",
    "acme-key-0123456789abcdef",
    "Bearer null",
    "Bearer undefined",
    `Bearer ${"k".repeat(10 * 1024)}`,
    utf8Bytes("Bearer ключ-🔑-0123456789abcdef"),
    utf8Bytes("Bearer acme-key-0123456789abcdef\u200b"),
  ),
  // Near misses of real keys: one character changed, cut short, extended, wrong case, split in two.
  fc.tuple(realKey, fc.nat()).map(([k, i]) => {
    const at = i % k.length;
    const c = k[at] === "x" ? "y" : "x";
    return `Bearer ${k.slice(0, at)}${c}${k.slice(at + 1)}`;
  }),
  realKey.map((k) => `Bearer ${k.slice(0, -1)}`),
  realKey.map((k) => `Bearer ${k}0`),
  realKey.map((k) => `Bearer ${k.toUpperCase()}`),
  realKey.map((k) => `Bearer ${k.slice(0, 8)} ${k.slice(8)}`),
  realKey.map((k) => `Basic ${k}`),
  fc.string({ unit: printable, maxLength: 80 }).map((s) => `Bearer ${s}`),
);

export function describeAuth(mode: Mode, skip: string | false, numRuns: number): void {
  (skip ? describe.skip : describe)(`authentication (${mode})`, () => {
    let s: FuzzService;
    beforeAll(async () => {
      s = await startFuzzService(mode);
    });
    afterAll(async () => s?.close());

    it.each(ROUTES)("no key: %s %s answers 401 problem+json with WWW-Authenticate", async (method, path) => {
      const reply = await s.client.send({ method, path });
      expectWellFormedAnswer(reply);
      expect(reply.status).toBe(401);
      expect(reply.headers["www-authenticate"]).toMatch(/^Bearer realm=/);
    });

    it("property: any wrong or malformed Authorization header answers 401 problem+json on every route and writes nothing", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          badAuthorization,
          async ([method, path], authorization) => {
            s.writes.reset();
            const reply = await s.client.send({
              method,
              path,
              headers: { Authorization: authorization, "Content-Type": "application/json" },
              body: JSON.stringify({ messages: [{ text: "We want to buy in Austin" }] }),
            });
            expectWellFormedAnswer(reply);
            expect(reply.status).toBe(401);
            expect(s.writes.since()).toEqual([]);
          },
        ),
        { numRuns },
      );
    });

    it("authenticates before reading the body: no key with malformed JSON or an over-limit body is still a 401", async () => {
      for (const body of ['{"messages": [', "x".repeat(300 * 1024)]) {
        const reply = await s.client.send({
          method: "POST",
          path: "/api/leads/qualify",
          headers: { "Content-Type": "application/json" },
          body,
        });
        expectWellFormedAnswer(reply);
        expect(reply.status).toBe(401);
      }
    });

    it("tells a missing key from a wrong one, and never echoes the key presented", async () => {
      const none = await s.client.send({ method: "GET", path: "/api/costs" });
      const wrong = await s.client.send({
        method: "GET",
        path: "/api/costs",
        headers: { Authorization: "Bearer wrong-key-but-well-formed-123" },
      });
      expect((none.json as { detail: string }).detail).toMatch(/send Authorization/);
      expect((wrong.json as { detail: string }).detail).toMatch(/not valid/);
      expect(wrong.text).not.toContain("wrong-key-but-well-formed-123");
    });
  });
}
