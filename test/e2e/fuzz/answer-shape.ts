/** The API's promise for any request, however hostile: a valid answer or a problem, never a 5xx. */
import { expect } from "vitest";
import type { WireReply } from "./wire-client.ts";

interface Problem {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  errors?: Array<{ field?: unknown; message?: unknown }>;
}

/**
 * A 2xx JSON answer, or a 4xx application/problem+json whose `status` is the HTTP status; a 400 names
 * each invalid field (under `body` or `path`). Never a 5xx, never a stack trace.
 */
export function expectWellFormedAnswer(reply: WireReply): void {
  const shown = `${reply.status} ${reply.text.slice(0, 300)}`;
  expect(reply.status, shown).toBeGreaterThanOrEqual(200);
  expect(reply.status, shown).toBeLessThan(500);
  expect(reply.status, shown).not.toSatisfy((s: number) => s >= 300 && s < 400);
  expect(reply.text, shown).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  const type = String(reply.headers["content-type"]);
  if (reply.status < 300) {
    expect(type, shown).toMatch(/^application\/json/);
    expect(reply.json, shown).toBeTypeOf("object");
    expect(reply.json, shown).not.toBeNull();
    return;
  }
  expect(type, shown).toMatch(/^application\/problem\+json/);
  const p = reply.json as Problem;
  expect(p, shown).toMatchObject({
    status: reply.status,
    title: expect.any(String),
    type: expect.any(String),
  });
  if (reply.status !== 400) return;
  expect(p.errors?.length, shown).toBeGreaterThan(0);
  for (const e of p.errors ?? []) {
    expect(e.field, shown).toMatch(/^(body|path)(\.|$)/);
    expect(e.message, shown).toEqual(expect.any(String));
  }
}
