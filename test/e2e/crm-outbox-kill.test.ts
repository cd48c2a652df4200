/**
 * The CRM outbox survives a crash: the real service runs as a child process on PostgreSQL, syncs 150
 * contacts while a fake GoHighLevel is slow and failing, is SIGKILLed mid-delivery and restarted on
 * the same schema; every contact then reaches the CRM exactly once by its upsert key (the email).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresSqlClient } from "../../src/adapters/postgres/sql-client.ts";
import { FakeGhlServer } from "../fakes/fake-ghl-server.ts";
import { DATABASE_URL, skipUnless, uniqueName } from "../support/services.ts";

const skip = await skipUnless("postgres");
const KEY = "acme-key-0123456789abcdef";
const CONTACTS = 150;
const WINDOW_MS = 1_000;

interface Child {
  process: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

let fake: FakeGhlServer;
let db: PostgresSqlClient;
let dataDir: string;
const schema = uniqueName("crm_kill").toLowerCase();
const children: ChildProcess[] = [];
// When each CRM request arrived, and from which life of the service.
const arrivals: Array<{ at: number; life: number }> = [];
let life = 1;

/** Starts `src/app/main.ts` as a child and resolves once it logs that it listens. */
async function startService(): Promise<Child> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    API_KEYS: `acme:${KEY}`,
    RATE_LIMIT_PER_MINUTE: "100000",
    GHL_TOKEN: fake.token,
    GHL_LOCATION_ID: "loc-kill",
    GHL_BASE_URL: fake.url,
    CRM_RATE_LIMIT: "100",
    CRM_RATE_WINDOW_MS: String(WINDOW_MS),
    CRM_OUTBOX_LEASE_MS: "2000",
    CRM_OUTBOX_POLL_MS: "100",
    CRM_RETRY_BASE_MS: "100",
    CRM_RETRY_MAX_MS: "1000",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/app/main.ts"], {
    cwd: join(import.meta.dirname, "../.."),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 20 s:\n${stderr}`)), 20_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = parseJson(line) as { event?: string; url?: string } | undefined;
      if (entry?.event === "listening" && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    void exited.then((code) => reject(new Error(`service exited (${code}) before listening:\n${stderr}`)));
  });
  return { process: child, url, exited };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Polls `check` every 25 ms until it is true or `ms` pass. */
async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

/** The most requests of one life of the service that arrived within any window. */
function busiestWindow(ofLife: number): number {
  const times = arrivals.filter((a) => a.life === ofLife).map((a) => a.at);
  return Math.max(0, ...times.map((t) => times.filter((o) => o > t - WINDOW_MS && o <= t).length));
}

const emailOf = (i: number) => `kill-${i}@example.com`;

async function sync(url: string, from: number, count: number): Promise<Response> {
  const contacts = Array.from({ length: count }, (_, k) => ({
    email: emailOf(from + k),
    tags: ["kill-test"],
  }));
  return fetch(`${url}/api/contacts/sync`, {
    method: "POST",
    headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ contacts }),
  });
}

describe.skipIf(skip)("CRM outbox across a crash (child process, real PostgreSQL)", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "eh-crm-kill-"));
    fake = await FakeGhlServer.start({
      burstLimit: 100,
      windowMs: WINDOW_MS,
      recordRequests: true,
      latencyMs: () => {
        arrivals.push({ at: Date.now(), life });
        return 2;
      },
    });
    db = new PostgresSqlClient({ connectionString: DATABASE_URL, schema, max: 2 });
  });

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await fake?.close();
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("SIGKILL mid-delivery, then a restart: all 150 contacts reach the CRM exactly once, none lost", async () => {
    const first = await startService();
    // A CRM that fails on the way: an error, a 429 with retry-after, an outage and a dropped connection.
    fake.script([
      "ok",
      { status: 500 },
      "ok",
      { status: 429, headers: { "retry-after": "0.3" } },
      "ok",
      { status: 503 },
      "down",
    ]);
    const batches = Array.from({ length: CONTACTS / 10 }, (_, b) => b * 10);
    const answers = await Promise.all(batches.map((from) => sync(first.url, from, 10)));
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as Array<{
      results: Array<{ crm: { status: string } }>;
    }>;
    expect(answers.map((a) => a.status)).toEqual(batches.map(() => 200));
    expect(bodies.flatMap((b) => b.results.map((r) => r.crm.status))).toEqual(
      Array.from({ length: CONTACTS }, () => "queued"),
    );

    expect(await until(() => fake.contactCount >= 40, 15_000)).toBe(true);
    first.process.kill("SIGKILL");
    await first.exited;
    const atKill = fake.contactCount;
    expect(atKill).toBeLessThan(CONTACTS);

    life = 2;
    const second = await startService();
    const done = async () => {
      const [row] = await db.query<{ pending: string; unlinked: string }>(
        `SELECT (SELECT count(*) FROM crm_outbox) AS pending,
                (SELECT count(*) FROM contacts WHERE crm_id IS NULL) AS unlinked`,
      );
      return fake.contactCount >= CONTACTS && Number(row?.pending) === 0 && Number(row?.unlinked) === 0;
    };
    expect(await until(done, 20_000)).toBe(true);

    // Exactly once by upsert key: 150 CRM contacts, one per email, each linked back to its local contact.
    const linked = await db.query<{ email: string; crm_id: string }>("SELECT email, crm_id FROM contacts");
    expect(linked).toHaveLength(CONTACTS);
    expect(fake.contactCount).toBe(CONTACTS);
    expect(new Set(linked.map((c) => c.crm_id)).size).toBe(CONTACTS);
    for (const c of linked) {
      expect(fake.contact(c.crm_id)).toMatchObject({ email: c.email, tags: ["kill-test"] });
    }
    expect(linked.map((c) => c.email).sort()).toEqual(
      Array.from({ length: CONTACTS }, (_, i) => emailOf(i)).sort(),
    );
    // Each life of the service kept to GoHighLevel's burst limit on its own.
    expect(busiestWindow(1)).toBeLessThanOrEqual(100);
    expect(busiestWindow(2)).toBeLessThanOrEqual(100);

    // A graceful stop ends the sender with the service.
    second.process.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 60_000);
});
