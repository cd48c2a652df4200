/** TCPA: an opt-out in a conversation reaches the CRM as do-not-disturb, through the durable outbox. */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeGhlServer } from "../fakes/fake-ghl-server.ts";
import { skipUnless } from "../support/services.ts";
import { bearer, type Harness, KEYS, startHarness } from "./api-harness.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

describe.skipIf(skip)("opt-out reaches the CRM", () => {
  let ghl: FakeGhlServer;
  let h: Harness;
  beforeAll(async () => {
    ghl = await FakeGhlServer.start();
    h = await startHarness("real", {
      GHL_TOKEN: ghl.token,
      GHL_LOCATION_ID: "loc-optout",
      GHL_BASE_URL: ghl.url,
      CRM_OUTBOX_POLL_MS: "50",
      API_KEYS: `acme:${KEYS.acme}`, // one GoHighLevel location serves one tenant
    });
  });
  afterAll(async () => {
    await h?.close();
    await ghl?.close();
  });

  it("STOP marks the contact DND in GoHighLevel without any contact sync", { timeout: 20_000 }, async () => {
    const email = "stop-crm@example.com";
    const start = await request(h.service.app)
      .post("/api/conversations")
      .set("Authorization", bearer("acme"))
      .send({ lead: { email, name: "Sam Stop" } })
      .expect(201);
    await request(h.service.app)
      .post(`/api/conversations/${start.body.conversationId}/messages`)
      .set("Authorization", bearer("acme"))
      .send({ text: "STOP" })
      .expect(200);
    await vi.waitFor(() => expect(ghl.contactByEmail("loc-optout", email)?.dnd).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });
  });
});
