import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryContactStore } from "../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCrmOutbox } from "../../src/adapters/memory/memory-crm-outbox.ts";
import { CrmOutboxSender, type CrmOutboxSenderOptions } from "../../src/domain/crm-outbox-sender.ts";
import type { Clock } from "../../src/ports/clock.ts";
import type { CrmContact, CrmGateway, CrmUpsertResult } from "../../src/ports/crm-gateway.ts";

const T0 = 1_700_000_000_000;

/** Virtual time: moves when the test (or the fake CRM's latency) says; sleeping jumps ahead, then yields. */
class TestClock implements Clock {
  t = T0;
  now() {
    return this.t;
  }
  async sleep(ms: number) {
    this.t += Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface Send {
  at: number;
  email: string | undefined;
  firstName: string | undefined;
  cost: number;
}

/** A CRM that answers from `answer`, takes `latencyMs` of virtual time per call and logs each contact sent. */
function fakeCrm(
  clock: TestClock,
  answer: (c: CrmContact, n: number) => CrmUpsertResult = () => ({ ok: true, crmId: "c", created: true }),
  latencyMs = 0,
): CrmGateway & { sends: Send[] } {
  const sends: Send[] = [];
  return {
    name: "fake",
    sends,
    async upsertContacts(contacts) {
      const at = clock.now();
      clock.t += latencyMs;
      return contacts.map((c) => {
        sends.push({ at, email: c.email, firstName: c.firstName, cost: costOf(c) });
        return answer(c, sends.length);
      });
    },
  };
}

// GoHighLevel's cost: the upsert, plus one request to add tags.
const costOf = (c: CrmContact) => 1 + (c.tags?.length ? 1 : 0);

const OPTIONS: CrmOutboxSenderOptions = {
  owner: "test",
  rateLimit: 100,
  windowMs: 10_000,
  batchSize: 10,
  leaseMs: 60_000,
  pollMs: 1_000,
  maxAttempts: 4,
  baseBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  rateLimitWaitMs: 10_000,
};

async function setup(
  crmAnswer?: (c: CrmContact, n: number) => CrmUpsertResult,
  options: Partial<CrmOutboxSenderOptions> = {},
  latencyMs = 0,
) {
  const clock = new TestClock();
  const contacts = new MemoryContactStore();
  const outbox = new MemoryCrmOutbox();
  const crm = fakeCrm(clock, crmAnswer, latencyMs);
  const dead: string[] = [];
  const sender = new CrmOutboxSender(
    {
      outbox,
      crm,
      contacts,
      clock,
      random: { next: () => 0.5 },
      observer: { deadLetter: (_e, r) => dead.push(r) },
    },
    { ...OPTIONS, ...options },
  );
  const queue = async (count: number, tags: string[] = []) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push((await contacts.upsert("acme", { email: `p${i}@example.com`, tags }, clock.now())).contact.id);
    }
    await outbox.enqueue("acme", ids, clock.now());
    return ids;
  };
  /** Runs passes, moving time on by each pass's wait, until the outbox is empty (bounded). */
  const drain = async (maxPasses = 10_000) => {
    for (let i = 0; i < maxPasses && (await outbox.pendingCount()) > 0; i++) {
      const pass = await sender.sendDue();
      clock.t += pass.waitMs;
    }
  };
  return { clock, contacts, outbox, crm, sender, dead, queue, drain };
}

/** An outbox whose database is down while `failing`. */
class FlakyOutbox extends MemoryCrmOutbox {
  failing = true;
  override claim(owner: string, limit: number, now: number, leaseMs: number) {
    return this.failing
      ? Promise.reject(new Error("database down"))
      : super.claim(owner, limit, now, leaseMs);
  }
}

/** The most requests that started within any window of `windowMs` (the server's (t - window, t]). */
function busiestWindow(sends: Send[], windowMs: number): number {
  return Math.max(
    0,
    ...sends.map((s) =>
      sends.filter((o) => o.at > s.at - windowMs && o.at <= s.at).reduce((n, o) => n + o.cost, 0),
    ),
  );
}

describe("CrmOutboxSender", () => {
  it("delivers every queued contact once and links each to its CRM id", async () => {
    const { crm, contacts, outbox, queue, drain } = await setup((_c, n) => ({
      ok: true,
      crmId: `ghl-${n}`,
      created: true,
    }));
    const ids = await queue(25);
    await drain();
    expect(crm.sends.map((s) => s.email).sort()).toEqual(ids.map((_, i) => `p${i}@example.com`).sort());
    expect(await outbox.pendingCount()).toBe(0);
    expect((await contacts.get("acme", ids[0]!))?.crmId).toMatch(/^ghl-\d+$/);
  });

  it("never sends more than the rate limit in any window: 250 contacts at 100 / 10 s take three windows", async () => {
    const { crm, clock, queue, drain } = await setup(undefined, {}, 5);
    await queue(250);
    await drain();
    expect(crm.sends).toHaveLength(250);
    expect(busiestWindow(crm.sends, 10_000)).toBe(100);
    expect(crm.sends.at(-1)!.at - T0).toBeGreaterThanOrEqual(20_000);
    expect(clock.t - T0).toBeLessThan(31_000);
  });

  it("counts each contact's requests against the window (an upsert plus one to add tags)", async () => {
    const { crm, queue, drain } = await setup(undefined, { requestsPerContact: costOf });
    await queue(120, ["web"]);
    await drain();
    expect(crm.sends).toHaveLength(120);
    expect(busiestWindow(crm.sends, 10_000)).toBeLessThanOrEqual(100);
  });

  it("property: whatever the limit, window, batch, latency and request costs, no window holds more than the limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          limit: fc.integer({ min: 1, max: 12 }),
          windowMs: fc.integer({ min: 50, max: 5_000 }),
          batchSize: fc.integer({ min: 1, max: 15 }),
          latencyMs: fc.integer({ min: 0, max: 300 }),
          count: fc.integer({ min: 0, max: 30 }),
          tagged: fc.boolean(),
        }),
        async ({ limit, windowMs, batchSize, latencyMs, count, tagged }) => {
          const { crm, queue, drain } = await setup(
            undefined,
            { rateLimit: limit, windowMs, batchSize, requestsPerContact: costOf },
            latencyMs,
          );
          await queue(count, tagged ? ["t"] : []);
          await drain();
          expect(new Set(crm.sends.map((x) => x.email)).size).toBe(count);
          expect(crm.sends).toHaveLength(count);
          // A contact dearer than the whole limit still goes, alone in an empty window.
          expect(busiestWindow(crm.sends, windowMs)).toBeLessThanOrEqual(Math.max(limit, tagged ? 2 : 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("honours retry-after: a 429 stops all sending until it passes, and is not counted as an attempt", async () => {
    const { crm, clock, outbox, queue, sender } = await setup((_c, n) =>
      n === 1
        ? { ok: false, code: "rate_limited", message: "429", retryAfterMs: 7_000 }
        : { ok: true, crmId: "x", created: false },
    );
    await queue(1);
    const first = await sender.sendDue();
    expect(first.rescheduled).toBe(1);
    clock.t += 6_999;
    expect(await sender.sendDue()).toMatchObject({ claimed: 0, waitMs: 1 });
    clock.t += 1;
    expect(await sender.sendDue()).toMatchObject({ delivered: 1 });
    expect(crm.sends.map((s) => s.at - T0)).toEqual([0, 7_000]);
    expect(await outbox.pendingCount()).toBe(0);
  });

  it("waits a whole window after a 429 that gives no retry-after", async () => {
    const { crm, queue, drain } = await setup((_c, n) =>
      n === 1
        ? { ok: false, code: "rate_limited", message: "429" }
        : { ok: true, crmId: "x", created: false },
    );
    await queue(1);
    await drain();
    expect(crm.sends.map((s) => s.at - T0)).toEqual([0, 10_000]);
  });

  it("backs off exponentially while the CRM is down, then delivers", async () => {
    const { crm, outbox, queue, drain } = await setup((_c, n) =>
      n <= 3 ? { ok: false, code: "unavailable", message: "503" } : { ok: true, crmId: "x", created: false },
    );
    await queue(1);
    await drain();
    // Equal jitter at u = 0.5: three quarters of 1 s, 2 s, 4 s.
    expect(crm.sends.map((s) => s.at - T0)).toEqual([0, 750, 750 + 1_500, 750 + 1_500 + 3_000]);
    expect(await outbox.deadLetters("acme")).toEqual([]);
  });

  it("gives up after maxAttempts failures: a dead letter with the last reason, reported to the observer", async () => {
    const { crm, outbox, queue, drain, dead } = await setup(() => ({
      ok: false,
      code: "unavailable",
      message: "503",
    }));
    const [id] = await queue(1);
    await drain();
    expect(crm.sends).toHaveLength(4);
    expect(await outbox.deadLetters("acme")).toMatchObject([
      { contactId: id, attempts: 4, reason: "gave up after 4 attempts: unavailable: 503" },
    ]);
    expect(dead).toEqual(["gave up after 4 attempts: unavailable: 503"]);
  });

  it("buries a contact the CRM calls invalid at once: sending it again cannot help", async () => {
    const { crm, outbox, queue, drain } = await setup(() => ({
      ok: false,
      code: "invalid",
      message: "422 bad phone",
    }));
    await queue(1);
    await drain();
    expect(crm.sends).toHaveLength(1);
    expect(await outbox.deadLetters("acme")).toMatchObject([
      { attempts: 1, reason: "invalid: 422 bad phone" },
    ]);
  });

  it("treats a CRM that throws as down for the whole batch, and pauses until the first retry", async () => {
    const clock = new TestClock();
    const contacts = new MemoryContactStore();
    const outbox = new MemoryCrmOutbox();
    let calls = 0;
    const crm: CrmGateway = {
      name: "throws",
      async upsertContacts() {
        calls += 1;
        throw new Error("socket hang up");
      },
    };
    const sender = new CrmOutboxSender({ outbox, crm, contacts, clock, random: { next: () => 0 } }, OPTIONS);
    const { contact } = await contacts.upsert("acme", { email: "a@x.io" }, T0);
    await outbox.enqueue("acme", [contact.id], T0);
    expect(await sender.sendDue()).toMatchObject({ claimed: 1, rescheduled: 1 });
    expect(await sender.sendDue()).toMatchObject({ claimed: 0, waitMs: 500 });
    expect(calls).toBe(1);
  });

  it("drops an entry whose contact was erased since it was queued, without sending it", async () => {
    const { crm, contacts, outbox, queue, drain } = await setup();
    const [id] = await queue(1);
    await contacts.delete("acme", id!);
    await drain();
    expect(crm.sends).toEqual([]);
    expect(await outbox.pendingCount()).toBe(0);
  });

  it("sends the contact as it is when sent, not as it was when queued", async () => {
    const { crm, contacts, clock, sender, outbox } = await setup();
    const { contact } = await contacts.upsert("acme", { email: "a@x.io", firstName: "A" }, T0);
    await outbox.enqueue("acme", [contact.id], T0);
    await contacts.upsert("acme", { email: "a@x.io", firstName: "Ann" }, T0 + 1);
    clock.t += 1;
    await sender.sendDue();
    expect(crm.sends.map((x) => x.firstName)).toEqual(["Ann"]);
    expect((await contacts.get("acme", contact.id))?.crmId).toBe("c");
  });

  it("runs in the background once started, picks up new work when woken, and stops on stop()", async () => {
    const { crm, queue, sender, outbox } = await setup();
    sender.start();
    sender.start();
    await queue(30);
    sender.wake();
    for (let i = 0; i < 1_000 && (await outbox.pendingCount()) > 0; i++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await sender.stop();
    expect(crm.sends).toHaveLength(30);
    await queue(1);
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(crm.sends).toHaveLength(30);
  });

  it("reports a pass that throws to the observer and keeps running", async () => {
    const clock = new TestClock();
    const errors: unknown[] = [];
    const flaky = new FlakyOutbox();
    const sender = new CrmOutboxSender(
      {
        outbox: flaky,
        crm: fakeCrm(clock),
        contacts: new MemoryContactStore(),
        clock,
        random: { next: () => 0 },
        observer: { error: (e) => errors.push(e) },
      },
      OPTIONS,
    );
    sender.start();
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    flaky.failing = false;
    await sender.stop();
    expect(errors.length).toBeGreaterThan(0);
    expect((errors[0] as Error).message).toBe("database down");
  });

  it("refuses options that would stall it", () => {
    const deps = {
      outbox: new MemoryCrmOutbox(),
      crm: fakeCrm(new TestClock()),
      contacts: new MemoryContactStore(),
      clock: new TestClock(),
      random: { next: () => 0 },
    };
    expect(() => new CrmOutboxSender(deps, { ...OPTIONS, batchSize: 0 })).toThrow(TypeError);
    expect(() => new CrmOutboxSender(deps, { ...OPTIONS, rateLimit: 0 })).toThrow(TypeError);
  });
});
