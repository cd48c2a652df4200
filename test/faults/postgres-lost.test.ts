/**
 * Fault: PostgreSQL is lost (issue 8). A TCP proxy sits between the service and the real PostgreSQL.
 * The promise: qualify still answers (from L1 / L2 or the origin; the lead is then not stored, and the
 * answer says so with `stored: false`); contacts sync answers 503 with Retry-After and never leaves a
 * batch half-written; /ready reports the database down with 503; all of it recovers without a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PostgresSqlClient } from "../../src/adapters/postgres/sql-client.ts";
import { KEYS } from "../e2e/api-harness.ts";
import { FakeGhlServer } from "../fakes/fake-ghl-server.ts";
import { DATABASE_URL, skipUnless } from "../support/services.ts";
import { TcpProxy } from "../support/tcp-proxy.ts";
import { qualifyBody, type ServedHarness, schemaClient, startServedHarness } from "./served-harness.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

// A database call fails at once when refused and within DATABASE_TIMEOUT_MS (2 s) when it hangs.
const NO_HANG_MS = 4_000;

interface QualifyAnswer {
  cache: string;
  stored: boolean;
  leadId: string;
  qualification: { intent: string };
}
interface ReadyAnswer {
  status: string;
  checks: Array<{ name: string; status: string; required: boolean }>;
}
interface SyncAnswer {
  summary: { created: number; updated: number };
}

const BATCH = 40;

/** Cuts the database while a slowed batch of 40 is being written; expects a 503 and all 40 stored or none (returns which). */
async function expectBatchWholeOrNothing(
  proxy: TcpProxy,
  served: ServedHarness,
  admin: PostgresSqlClient,
  tag: string,
): Promise<number> {
  const size = BATCH;
  // Slow every round trip, so the batch is still being written when the connection is cut.
  await proxy.slow(25);
  const pending = served.post("/api/contacts/sync", batch(tag, size));
  await new Promise((resolve) => setTimeout(resolve, 400));
  await proxy.cut();
  const res = await pending;
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  await proxy.restore();
  const stored = await countTagged(admin, tag);
  expect([0, size]).toContain(stored);
  return stored;
}

async function countTagged(admin: PostgresSqlClient, tag: string): Promise<number> {
  const [row] = await admin.query<{ n: string }>("SELECT count(*) AS n FROM contacts WHERE $1 = ANY(tags)", [
    tag,
  ]);
  return Number(row?.n);
}

const batch = (tag: string, n: number) => ({
  contacts: Array.from({ length: n }, (_, i) => ({
    email: `${tag}-${i}@faults.example`,
    firstName: "Fault",
    tags: [tag],
  })),
});

describe.skipIf(skip)("fault: PostgreSQL lost", () => {
  let proxy: TcpProxy;
  let served: ServedHarness;
  let admin: PostgresSqlClient;
  const run = `p${Date.now().toString(36)}`;

  beforeAll(async () => {
    proxy = await TcpProxy.forUrl(DATABASE_URL, 5432);
    served = await startServedHarness({ DATABASE_URL: proxy.urlFor(DATABASE_URL) });
    admin = schemaClient(served);
  });
  afterEach(async () => proxy?.restore());
  afterAll(async () => {
    await admin?.close();
    await served?.close();
    await proxy?.close();
  });

  const storedContacts = (tag: string) => countTagged(admin, tag);
  const storedLead = async (id: string) =>
    (await admin.query("SELECT id FROM leads WHERE id = $1", [id])).length === 1;

  it("PostgreSQL cut: qualify still answers from the cache and the origin, says the lead was not stored, never 5xx", async () => {
    const warm = qualifyBody(`Want to buy a condo in Miami under 400k, pre-approved (${run} warm)`);
    const before = await served.post<QualifyAnswer>("/api/leads/qualify", warm);
    expect(before.status).toBe(200);
    expect(before.body.stored).toBe(true);

    await proxy.cut();
    const cached = await served.post<QualifyAnswer>("/api/leads/qualify", warm);
    const fresh = await served.post<QualifyAnswer>(
      "/api/leads/qualify",
      qualifyBody(`Selling my house in Dallas this spring, hoping for 600k (${run} fresh)`, {
        name: "Fresh Lead",
        email: `fresh-${run}@faults.example`,
      }),
    );
    for (const res of [cached, fresh]) {
      expect(res.status).toBe(200);
      expect(res.body.stored).toBe(false);
      expect(res.ms).toBeLessThan(NO_HANG_MS);
    }
    expect(cached.body.cache).toMatch(/^L[12]$/);
    expect(fresh.body.cache).toBe("origin");
    expect(fresh.body.qualification.intent).toBe("sell");

    await proxy.restore();
    expect(await storedLead(before.body.leadId)).toBe(true);
    expect(await storedLead(fresh.body.leadId)).toBe(false);
  });

  it("PostgreSQL cut: /ready reports the database down and answers 503", async () => {
    await proxy.cut();
    const res = await served.get<ReadyAnswer>("/ready");
    expect(res.status).toBe(503);
    expect(res.body.status).toBe("unready");
    expect(res.body.checks.find((c) => c.name === "database")).toMatchObject({
      status: "down",
      required: true,
    });
  });

  it("PostgreSQL cut: contacts sync answers 503 with Retry-After and stores nothing", async () => {
    await proxy.cut();
    const tag = `${run}-refused`;
    const res = await served.post("/api/contacts/sync", batch(tag, 5));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.ms).toBeLessThan(NO_HANG_MS);
    await proxy.restore();
    expect(await storedContacts(tag)).toBe(0);
  });

  it("PostgreSQL cut in the middle of a batch: contacts sync answers 503 and the batch is stored whole or not at all", async () => {
    await expectBatchWholeOrNothing(proxy, served, admin, `${run}-midway`);
  });

  it("PostgreSQL restored: /ready, qualify and contacts sync recover without a restart", {
    timeout: 30_000,
  }, async () => {
    await proxy.cut();
    expect((await served.get("/ready")).status).toBe(503);
    await proxy.restore();
    await vi.waitFor(async () => expect((await served.get("/ready")).status).toBe(200), {
      timeout: 15_000,
      interval: 200,
    });
    const tag = `${run}-after`;
    const sync = await served.post<SyncAnswer>("/api/contacts/sync", batch(tag, 3));
    expect(sync.status).toBe(200);
    expect(sync.body.summary.created).toBe(3);
    expect(await storedContacts(tag)).toBe(3);
    const lead = await served.post<QualifyAnswer>(
      "/api/leads/qualify",
      qualifyBody(`Relocating to Denver, need a 2 bed rental-ready condo, cash (${run} after)`),
    );
    expect(lead.status).toBe(200);
    expect(lead.body.stored).toBe(true);
    expect(await storedLead(lead.body.leadId)).toBe(true);
  });
});

describe.skipIf(skip)("fault: PostgreSQL lost, with the CRM outbox configured", () => {
  let proxy: TcpProxy;
  let served: ServedHarness;
  let admin: PostgresSqlClient;
  let crm: FakeGhlServer;

  beforeAll(async () => {
    crm = await FakeGhlServer.start();
    proxy = await TcpProxy.forUrl(DATABASE_URL, 5432);
    served = await startServedHarness({
      DATABASE_URL: proxy.urlFor(DATABASE_URL),
      GHL_TOKEN: crm.token,
      GHL_LOCATION_ID: "loc-faults",
      // One GoHighLevel location serves one tenant.
      API_KEYS: `acme:${KEYS.acme}`,
      GHL_BASE_URL: crm.url,
      CRM_OUTBOX_POLL_MS: "100",
    });
    admin = schemaClient(served);
  });
  afterAll(async () => {
    await admin?.close();
    await served?.close();
    await proxy?.close();
    await crm?.close();
  });

  it("PostgreSQL cut in the middle of a batch: contacts sync answers 503, the batch is stored and queued whole or not at all, and the service keeps running", async () => {
    const tag = `o${Date.now().toString(36)}-midway`;
    const stored = await expectBatchWholeOrNothing(proxy, served, admin, tag);
    expect((await served.get("/health")).status).toBe(200);
    // A batch that did commit (the cut came after COMMIT) was queued with it: every contact reaches the CRM.
    const delivered = () =>
      new Set(
        crm.requests
          .map((r) => (r.body as { email?: string } | undefined)?.email)
          .filter((e) => e?.startsWith(`${tag}-`)),
      ).size;
    await vi.waitFor(() => expect(delivered()).toBe(stored), { timeout: 15_000, interval: 100 });
  });
});
