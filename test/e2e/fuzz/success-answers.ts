/** What a 2xx answer of each endpoint must hold, whatever odd (but valid) input produced it. */
import { expect } from "vitest";
import { scoreLead } from "../../../src/domain/lead-scoring.ts";
import { validateQualification } from "../../../src/domain/qualification-schema.ts";
import type { Qualification } from "../../../src/ports/qualification.ts";

type Json = Record<string, unknown>;

/** A qualification that validates to itself, scored by the rules (not by anything the lead wrote). */
export function expectTrustworthyQualification(q: unknown, answer?: Json): void {
  expect(validateQualification(q)).toEqual({ ok: true, value: q });
  if (!answer) return;
  const score = scoreLead(q as Qualification);
  expect(answer).toMatchObject({ score: score.score, temperature: score.temperature });
}

/** The 2xx check per endpoint name. */
export const SUCCESS: Record<string, (body: Json, status: number) => void> = {
  qualify: (b, status) => {
    expect(status).toBe(200);
    expect(b).toMatchObject({ leadId: expect.any(String), model: expect.any(String) });
    expect(["L1", "L2", "L3", "origin"]).toContain(b.cache);
    expectTrustworthyQualification(b.qualification, b);
  },
  contactSync: (b, status) => {
    expect(status).toBe(200);
    const results = b.results as Array<{ id: unknown; status: unknown }>;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(["created", "updated"]).toContain(r.status);
  },
  startConversation: (b, status) => {
    expect(status).toBe(201);
    expect(b.conversationId).toEqual(expect.any(String));
    expect(b.reply === null || typeof b.reply === "string").toBe(true);
    if (b.qualification !== undefined) expectTrustworthyQualification(b.qualification);
  },
  message: (b, status) => {
    expect(status).toBe(200);
    expect(b.conversationId).toEqual(expect.any(String));
    if (b.qualification !== undefined) expectTrustworthyQualification(b.qualification);
  },
  readConversation: (b, status) => {
    expect(status).toBe(200);
    expect(b.messages).toEqual(expect.any(Array));
    if (b.qualification !== null) expectTrustworthyQualification(b.qualification);
  },
  exportContact: (b, status) => {
    expect(status).toBe(200);
    expect(b.contact).toMatchObject({ id: expect.any(String) });
  },
  deleteContact: (b, status) => {
    expect(status).toBe(200);
    expect(b.erased).toMatchObject({ contacts: 1 });
  },
  costs: (b, status) => {
    expect(status).toBe(200);
    expect(b.rows).toEqual(expect.any(Array));
  },
};
