/**
 * Two service PROCESSES sharing Redis and PostgreSQL, as behind a load balancer: one model call across
 * both for a cold lead; an erasure on one instance is gone from the other's L1; one rate-limit budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnterpriseHub } from "../../bench/load/peers/health-peers.ts";
import type { StartedServer } from "../../bench/load/peers/start-server.ts";
import { deleteRedisPrefix, dropSchema } from "../../bench/run-cleanup.ts";
import { FakeAnthropicServer } from "../fakes/fake-anthropic-server.ts";
import { DATABASE_URL, REDIS_URL, skipUnless, uniqueName } from "../support/services.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));
const KEY = "multi-key-0123456789abcdef";
const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };

describe.skipIf(skip)("several instances sharing Redis and PostgreSQL", () => {
  let claude: FakeAnthropicServer;
  let a: StartedServer;
  let b: StartedServer;
  const schema = uniqueName("multi").toLowerCase();
  const prefix = `${uniqueName("multi")}:`;

  beforeAll(async () => {
    // A slow model, so requests on both instances overlap while the first computation is in flight.
    claude = await FakeAnthropicServer.start({ apiKey: "test-key", latencyMs: () => 400 });
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      ANTHROPIC_API_KEY: "test-key",
      ANTHROPIC_BASE_URL: claude.url,
      API_KEYS: `multi:${KEY}`,
      RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "warn",
    };
    a = await startEnterpriseHub(env);
    b = await startEnterpriseHub(env);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await claude?.close();
    await dropSchema(DATABASE_URL, schema);
    await deleteRedisPrefix(REDIS_URL, prefix);
  });

  const qualify = (server: StartedServer, text: string, email?: string) =>
    fetch(`${server.url}/api/leads/qualify`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ lead: email ? { email } : {}, messages: [{ text }] }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

  it("stampede: 200 concurrent requests for one cold lead over two processes make one model call", {
    timeout: 60_000,
  }, async () => {
    const before = claude.requestCount;
    const text = "Stampede lead: pre-approved buyer, 4 bed in Austin, up to 800k, within 60 days";
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => qualify(i % 2 ? a : b, text)));
    expect(answers.every((x) => x.status === 200)).toBe(true);
    expect(claude.requestCount - before).toBe(1);
    expect(new Set(answers.map((x) => JSON.stringify(x.body.qualification))).size).toBe(1);
  });

  it("an erasure on instance A leaves nothing in instance B's L1", { timeout: 30_000 }, async () => {
    const text = "Coherence lead: selling a 3 bed condo in Denver, hoping for 450k";
    const email = "coherence@example.com";
    const first = await qualify(a, text, email);
    expect(first.body.cache).toBe("origin");
    await qualify(b, text, email); // B copies it into its L1 from L2
    expect((await qualify(b, text, email)).body.cache).toBe("L1");
    const erase = await fetch(`${a.url}/api/contacts/${first.body.contactId}`, {
      method: "DELETE",
      headers: auth,
    });
    expect(erase.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await qualify(b, text)).body.cache).toBe("origin");
  });

  it("two processes share one rate-limit budget per key", { timeout: 60_000 }, async () => {
    const limitedKey = "limited-multi-0123456789ab";
    const env = {
      REDIS_URL,
      REDIS_PREFIX: `${prefix}rl2:`,
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      API_KEYS: `multi:${limitedKey}`,
      RATE_LIMIT_PER_MINUTE: "4",
      LOG_LEVEL: "warn",
    };
    const [c, d] = await Promise.all([startEnterpriseHub(env), startEnterpriseHub(env)]);
    try {
      const codes = [];
      for (let i = 0; i < 6; i++) {
        const server = i % 2 ? c : d;
        codes.push(
          (await fetch(`${server.url}/api/costs`, { headers: { authorization: `Bearer ${limitedKey}` } }))
            .status,
        );
      }
      expect(codes.filter((x) => x === 200)).toHaveLength(4);
      expect(codes.filter((x) => x === 429)).toHaveLength(2);
    } finally {
      await Promise.all([c.stop(), d.stop()]);
    }
  });
});
