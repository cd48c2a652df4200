/** Scripted conversations end to end: handoffs, no cycles, compliance on every reply, CCPA erasure. */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, type Harness, type Mode, startHarness } from "./api-harness.ts";

type App = Harness["service"]["app"];

let optOutCase = 0;

/** The sentences of a reply that ask something. */
const questionsIn = (reply: string): string[] =>
  reply.split(/(?<=[.!?])\s+/).filter((s) => s.trim().endsWith("?"));

async function talk(app: App, lines: string[], lead: Record<string, string> = {}) {
  const start = await request(app)
    .post("/api/conversations")
    .set("Authorization", bearer("acme"))
    .send({ lead })
    .expect(201);
  const id: string = start.body.conversationId;
  const turns = [];
  for (const text of lines) {
    const r = await request(app)
      .post(`/api/conversations/${id}/messages`)
      .set("Authorization", bearer("acme"))
      .send({ text })
      .expect(200);
    turns.push(r.body);
  }
  const history = await request(app)
    .get(`/api/conversations/${id}`)
    .set("Authorization", bearer("acme"))
    .expect(200);
  return { id, start: start.body, turns, history: history.body };
}

export function describeConversations(mode: Mode, skip: string | false): void {
  (skip ? describe.skip : describe)(`conversations end to end (${mode})`, () => {
    let h: Harness;
    let app: App;
    beforeAll(async () => {
      h = await startHarness(mode);
      app = h.service.app;
    });
    afterAll(async () => h?.close());

    it("discloses the bot and the brokerage's DRE license in the first message only", async () => {
      const c = await talk(app, ["hello there"], { name: "Zoë" });
      expect(c.start.reply).toMatch(/automated assistant/i);
      expect(c.start.reply).toMatch(/DRE #\d{8}/);
      expect(c.turns[0].reply).not.toMatch(/DRE #/);
    });

    it("hands a buyer from the Lead bot to the Buyer bot, which does not re-ask what the lead said", async () => {
      const c = await talk(app, ["We want to buy a house in Austin, our budget is 500k"]);
      expect(c.turns[0].handoff).toMatchObject({ from: "lead", to: "buyer", reason: "intent_buy" });
      expect(c.turns[0].handoff.confidence).toBeGreaterThanOrEqual(0.7);
      const questions = questionsIn(c.turns[0].reply);
      expect(questions.length).toBeGreaterThan(0);
      for (const q of questions)
        expect(q).not.toMatch(/budget|price range|which areas|where are you looking/i);
      expect(c.history.handoffs).toHaveLength(1);
      expect(c.history.visited).toEqual(["lead", "buyer"]);
    });

    it("hands a seller to the Seller bot, which moves the conversation on", async () => {
      const c = await talk(app, ["I need to sell my condo in Denver, we're relocating for a new job"]);
      expect(c.turns[0].bot).toBe("seller");
      for (const q of questionsIn(c.turns[0].reply))
        expect(q).not.toMatch(/why are you selling|reason for selling/i);
    });

    it("a lead who wants to buy and sell goes to one side first, then the other, and never back", async () => {
      const c = await talk(app, [
        "We have to sell our house in Tampa and buy a bigger one nearby",
        "Actually we mostly want to buy first, pre-approved for 600k",
        "We definitely want to sell the Tampa house too",
      ]);
      const visited: string[] = c.history.visited;
      expect(new Set(visited).size).toBe(visited.length);
      expect(c.history.handoffs.length).toBeLessThanOrEqual(2);
    });

    it("a lead who flip-flops between buying and selling never cycles, and the cap holds", async () => {
      const c = await talk(app, [
        "I want to buy a home",
        "No wait, I want to sell my place",
        "Hmm, actually I want to buy",
        "Sell. Definitely sell.",
        "Buy!",
      ]);
      const visited: string[] = c.history.visited;
      expect(new Set(visited).size).toBe(visited.length);
      expect(c.history.handoffs.length).toBeLessThanOrEqual(2);
      for (const hop of c.history.handoffs) expect(hop.confidence).toBeGreaterThanOrEqual(0.7);
    });

    it("a vague lead who never reaches 0.7 confidence stays with the Lead bot", async () => {
      const c = await talk(app, ["hi", "just curious what's out there", "maybe, not sure yet"]);
      expect(c.turns.every((t: { bot: string }) => t.bot === "lead")).toBe(true);
      expect(c.history.handoffs).toEqual([]);
    });

    it("answers a question about schools or safety with a referral to official sources", async () => {
      const c = await talk(app, ["We want to buy in Austin", "Is it a safe neighborhood with good schools?"]);
      expect(c.turns[1].compliance).toContain("fair_housing_referral");
      expect(c.turns[1].reply).toMatch(/school district|Census/i);
      expect(c.turns[1].reply).not.toMatch(/very safe|great schools/i);
    });

    it.each(["STOP", "stop.", "Unsubscribe!", "opt out", "QUIT", "Revoke"])(
      "%s: one confirmation, then nothing more is sent",
      async (word) => {
        const c = await talk(app, ["We want to buy a condo", word, "hello?"], {
          email: `optout-${mode}-${++optOutCase}@example.com`,
        });
        expect(c.turns[1].compliance).toContain("opt_out_confirmed");
        expect(c.turns[1].reply).toMatch(/unsubscribed/i);
        expect(c.turns[2].reply).toBeNull();
        expect(c.history.status).toBe("closed");
      },
    );

    it("an opt-out holds across conversations of the same person until they text START", async () => {
      const email = `across-${mode}@example.com`;
      await talk(app, ["STOP"], { email });
      const second = await talk(
        app,
        ["We want to buy a condo", "START", "We want to buy a condo in Austin"],
        { email },
      );
      expect(second.start.reply).toBeNull();
      expect(second.turns[0].reply).toBeNull();
      expect(second.turns[1].compliance).toContain("resubscribed");
      expect(second.turns[2].reply).toEqual(expect.any(String));
    });

    it("marks an opted-out contact do-not-contact", async () => {
      const email = `dnc-${mode}@example.com`;
      await talk(app, ["STOP"], { email });
      const sync = await request(app)
        .post("/api/contacts/sync")
        .set("Authorization", bearer("acme"))
        .send({ contacts: [{ email }] })
        .expect(200);
      const exported = await request(app)
        .get(`/api/contacts/${sync.body.results[0].id}/export`)
        .set("Authorization", bearer("acme"))
        .expect(200);
      expect(exported.body.contact.doNotContact).toBe(true);
    });

    it("CCPA: exports everything held about a person, then erases it from every store and cache tier", async () => {
      const email = `ccpa-${mode}@example.com`;
      const c = await talk(app, ["We want to buy a 2 bed condo in Miami, budget 400k"], {
        email,
        name: "Erin Erased",
      });
      const q = await request(app)
        .post("/api/leads/qualify")
        .set("Authorization", bearer("acme"))
        .send({ lead: { email }, messages: [{ text: `CCPA lead ${mode}: buying in Miami for 400k` }] })
        .expect(200);
      const contactId: string = q.body.contactId;
      const exported = await request(app)
        .get(`/api/contacts/${contactId}/export`)
        .set("Authorization", bearer("acme"))
        .expect(200);
      expect(exported.body.contact.email).toBe(email);
      expect(exported.body.conversations.map((x: { id: string }) => x.id)).toContain(c.id);
      const keys: string[] = [
        ...exported.body.leads.map((l: { cacheKey: string }) => l.cacheKey),
        ...exported.body.conversations.flatMap((x: { messages: Array<{ cacheKey?: string }> }) =>
          x.messages.flatMap((m) => (m.cacheKey ? [m.cacheKey] : [])),
        ),
      ];
      expect(keys.length).toBeGreaterThan(1);
      const erased = await request(app)
        .delete(`/api/contacts/${contactId}`)
        .set("Authorization", bearer("acme"))
        .expect(200);
      expect(erased.body.erased).toMatchObject({ contacts: 1, conversations: 1 });
      for (const binding of h.service.composition.tierBindings) {
        for (const key of keys)
          expect(await binding.tier.get(key), `${binding.tier.name} ${key}`).toEqual({ kind: "miss" });
      }
      await request(app)
        .get(`/api/contacts/${contactId}/export`)
        .set("Authorization", bearer("acme"))
        .expect(404);
      await request(app).get(`/api/conversations/${c.id}`).set("Authorization", bearer("acme")).expect(404);
    });

    it("answers 404 for another tenant's conversation", async () => {
      const c = await talk(app, ["hello"]);
      await request(app).get(`/api/conversations/${c.id}`).set("Authorization", bearer("beta")).expect(404);
    });
  });
}
