/** A conversation survives a restart of the service: PGlite (the embedded default) persisted under DATA_DIR. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { createService } from "../../src/app/service.ts";

const KEY = "restart-key-0123456789abcde";

async function boot(dataDir: string) {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    API_KEYS: `acme:${KEY}`,
  });
  return createService(config, pino({ level: "silent" }), config.API_KEYS ?? []);
}

describe("conversations on the embedded database", () => {
  it("survive a restart of the service, with history, handoffs and qualification", {
    timeout: 90_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "eh-restart-"));
    const first = await boot(dataDir);
    const auth = { Authorization: `Bearer ${KEY}` };
    const started = await request(first.app)
      .post("/api/conversations")
      .set(auth)
      .send({
        lead: { email: "restart@example.com" },
        message: "We want to buy a condo in Miami, budget 400k",
      })
      .expect(201);
    const id = started.body.conversationId as string;
    const before = await request(first.app).get(`/api/conversations/${id}`).set(auth).expect(200);
    await first.close();

    const second = await boot(dataDir);
    try {
      const after = await request(second.app).get(`/api/conversations/${id}`).set(auth).expect(200);
      expect(after.body).toEqual(before.body);
      expect(after.body.handoffs).toHaveLength(1);
      const next = await request(second.app)
        .post(`/api/conversations/${id}/messages`)
        .set(auth)
        .send({ text: "We're pre-approved" })
        .expect(200);
      expect(next.body.bot).toBe("buyer");
    } finally {
      await second.close();
    }
  });
});
