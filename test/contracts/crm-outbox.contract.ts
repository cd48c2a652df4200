/**
 * The CrmOutbox conformance suite: written once, run against memory, PostgreSQL and PGlite.
 * `make` returns an empty outbox (claims see the whole queue, so tests cannot share one).
 */
import { describe, expect, it } from "vitest";
import type { ContactStore } from "../../src/ports/contact-store.ts";
import type { CrmOutbox, OutboxTransaction } from "../../src/ports/crm-outbox.ts";

export interface OutboxFixture {
  outbox: CrmOutbox;
  contacts: ContactStore;
  transaction: OutboxTransaction;
  /** The same queue through another connection: a second service instance. */
  twin: CrmOutbox;
}

const T0 = 1_700_000_000_000;
const LEASE = 30_000;

export function describeCrmOutboxContract(
  label: string,
  make: () => Promise<OutboxFixture>,
  /** `atomic`: the unit of work really rolls back (SQL); the memory stores have nothing to roll back. */
  opts: { skip?: string | false; atomic?: boolean } = {},
): void {
  const d = opts.skip ? describe.skip : describe;
  d(`CrmOutbox contract: ${label}`, () => {
    let n = 0;
    const tenant = () => `t${process.pid}x${Date.now().toString(36)}x${++n}`;
    const seed = async (fx: OutboxFixture, t: string, count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        ids.push((await fx.contacts.upsert(t, { email: `p${i}@example.com` }, T0)).contact.id);
      }
      return ids;
    };

    it("queues a contact once and leases it to the sender that claims it", async () => {
      const fx = await make();
      const t = tenant();
      const [id] = await seed(fx, t, 1);
      await fx.outbox.enqueue(t, [id!, id!], T0);
      expect(await fx.outbox.pendingCount()).toBe(1);
      const [entry, ...rest] = await fx.outbox.claim("a", 10, T0, LEASE);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ tenant: t, contactId: id, version: 1, attempts: 0, nextAttemptAt: T0 });
      expect(entry).toMatchObject({ enqueuedAt: T0, leaseOwner: "a", leasedUntil: T0 + LEASE });
    });

    it("never leases one entry to two senders: a claimed entry is invisible until its lease ends", async () => {
      const fx = await make();
      const t = tenant();
      await fx.outbox.enqueue(t, await seed(fx, t, 1), T0);
      expect(await fx.outbox.claim("a", 10, T0, LEASE)).toHaveLength(1);
      expect(await fx.twin.claim("b", 10, T0 + LEASE - 1, LEASE)).toEqual([]);
      // Sender "a" crashed: once its lease ends, "b" takes the entry over.
      const [taken] = await fx.twin.claim("b", 10, T0 + LEASE, LEASE);
      expect(taken).toMatchObject({ leaseOwner: "b", leasedUntil: T0 + 2 * LEASE });
    });

    it("claims the oldest due entries first, at most `limit`, and none that is not yet due", async () => {
      const fx = await make();
      const t = tenant();
      const ids = await seed(fx, t, 4);
      for (const [i, id] of ids.entries()) await fx.outbox.enqueue(t, [id], T0 + i * 10);
      const first = await fx.outbox.claim("a", 2, T0 + 25, LEASE);
      expect(first.map((e) => e.contactId)).toEqual(ids.slice(0, 2));
      const next = await fx.outbox.claim("a", 10, T0 + 25, LEASE);
      expect(next.map((e) => e.contactId)).toEqual([ids[2]]);
    });

    it("gives two senders claiming at once disjoint entries that together cover the queue", async () => {
      const fx = await make();
      const t = tenant();
      const ids = await seed(fx, t, 40);
      await fx.outbox.enqueue(t, ids, T0);
      const rounds = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? fx.twin : fx.outbox).claim(`s${i}`, 5, T0, LEASE)),
      );
      const claimed = rounds.flat().map((e) => e.contactId);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual([...ids].sort());
    });

    it("removes a delivered entry", async () => {
      const fx = await make();
      const t = tenant();
      await fx.outbox.enqueue(t, await seed(fx, t, 1), T0);
      const [entry] = await fx.outbox.claim("a", 1, T0, LEASE);
      expect(await fx.outbox.complete(entry!, T0 + 5)).toBe(true);
      expect(await fx.outbox.pendingCount()).toBe(0);
      expect(await fx.outbox.claim("a", 1, T0 + 2 * LEASE, LEASE)).toEqual([]);
    });

    it("keeps an entry queued again while it was being sent, released at once to send the newer version", async () => {
      const fx = await make();
      const t = tenant();
      const [id] = await seed(fx, t, 1);
      await fx.outbox.enqueue(t, [id!], T0);
      const [sending] = await fx.outbox.claim("a", 1, T0, LEASE);
      await fx.outbox.enqueue(t, [id!], T0 + 1);
      expect(await fx.outbox.complete(sending!, T0 + 2)).toBe(false);
      const [again] = await fx.outbox.claim("a", 1, T0 + 2, LEASE);
      expect(again).toMatchObject({ id: sending!.id, version: 2 });
      expect(await fx.outbox.complete(again!, T0 + 3)).toBe(true);
    });

    it("ignores a sender whose lease was taken over: the new holder keeps the entry", async () => {
      const fx = await make();
      const t = tenant();
      await fx.outbox.enqueue(t, await seed(fx, t, 1), T0);
      const [stale] = await fx.outbox.claim("a", 1, T0, LEASE);
      const [held] = await fx.twin.claim("b", 1, T0 + LEASE, LEASE);
      expect(await fx.outbox.complete(stale!, T0 + LEASE + 1)).toBe(false);
      expect(await fx.outbox.reschedule(stale!, { at: T0, attempts: 9 }, T0 + LEASE + 1)).toBe(false);
      expect(await fx.outbox.bury(stale!, { attempts: 9, reason: "x" }, T0 + LEASE + 1)).toBe(false);
      expect(await fx.outbox.claim("c", 1, T0 + LEASE + 2, LEASE)).toEqual([]);
      expect(await fx.twin.complete(held!, T0 + LEASE + 3)).toBe(true);
    });

    it("reschedules: released, due again at the time given, with the attempts and the reason kept", async () => {
      const fx = await make();
      const t = tenant();
      await fx.outbox.enqueue(t, await seed(fx, t, 1), T0);
      const [entry] = await fx.outbox.claim("a", 1, T0, LEASE);
      expect(await fx.outbox.reschedule(entry!, { at: T0 + 500, attempts: 1, reason: "down" }, T0)).toBe(
        true,
      );
      expect(await fx.outbox.claim("a", 1, T0 + 499, LEASE)).toEqual([]);
      const [retry] = await fx.outbox.claim("a", 1, T0 + 500, LEASE);
      expect(retry).toMatchObject({ id: entry!.id, attempts: 1, lastError: "down", nextAttemptAt: T0 + 500 });
      await fx.outbox.reschedule(retry!, { at: T0 + 600, attempts: 1 }, T0 + 500);
      expect((await fx.outbox.claim("a", 1, T0 + 600, LEASE))[0]?.lastError).toBe("down");
    });

    it("buries a contact given up on as a dead letter with its reason; queueing it again starts afresh", async () => {
      const fx = await make();
      const t = tenant();
      const [id] = await seed(fx, t, 1);
      await fx.outbox.enqueue(t, [id!], T0);
      const [entry] = await fx.outbox.claim("a", 1, T0, LEASE);
      expect(await fx.outbox.bury(entry!, { attempts: 3, reason: "invalid: bad phone" }, T0 + 7)).toBe(true);
      expect(await fx.outbox.deadLetters(t)).toEqual([
        {
          id: entry!.id,
          tenant: t,
          contactId: id,
          attempts: 3,
          reason: "invalid: bad phone",
          failedAt: T0 + 7,
        },
      ]);
      expect(await fx.outbox.deadLetters(tenant())).toEqual([]);
      expect(await fx.outbox.pendingCount()).toBe(0);
      await fx.outbox.enqueue(t, [id!], T0 + 8);
      const [fresh] = await fx.outbox.claim("a", 1, T0 + 8, LEASE);
      expect(fresh).toMatchObject({ contactId: id, attempts: 0, version: 1 });
      expect(fresh?.id).not.toBe(entry!.id);
    });

    it("does not bury an entry queued again meanwhile: the newer version stays pending", async () => {
      const fx = await make();
      const t = tenant();
      const [id] = await seed(fx, t, 1);
      await fx.outbox.enqueue(t, [id!], T0);
      const [entry] = await fx.outbox.claim("a", 1, T0, LEASE);
      await fx.outbox.enqueue(t, [id!], T0 + 1);
      expect(await fx.outbox.bury(entry!, { attempts: 1, reason: "invalid" }, T0 + 2)).toBe(false);
      expect(await fx.outbox.deadLetters(t)).toEqual([]);
      expect(await fx.outbox.claim("a", 1, T0 + 2, LEASE)).toMatchObject([{ version: 2 }]);
    });

    it("stores contacts and queues them in one unit of work", async () => {
      const fx = await make();
      const t = tenant();
      const id = await fx.transaction.run(async (scope) => {
        const { contact } = await scope.contacts.upsert(t, { email: "unit@example.com" }, T0);
        await scope.outbox.enqueue(t, [contact.id], T0);
        return contact.id;
      });
      expect(await fx.contacts.get(t, id)).toMatchObject({ email: "unit@example.com" });
      expect(await fx.outbox.claim("a", 5, T0, LEASE)).toMatchObject([{ contactId: id }]);
    });

    // Only SQL outboxes have a unit of work to roll back: the test is not registered for the memory one.
    (opts.atomic ? it : () => undefined)(
      "rolls back both the contact and its entry when the unit of work fails",
      async () => {
        const fx = await make();
        const t = tenant();
        let id = "";
        await expect(
          fx.transaction.run(async (scope) => {
            id = (await scope.contacts.upsert(t, { email: "gone@example.com" }, T0)).contact.id;
            await scope.outbox.enqueue(t, [id], T0);
            throw new Error("crash between the two");
          }),
        ).rejects.toThrow("crash between the two");
        expect(await fx.contacts.get(t, id)).toBeUndefined();
        expect(await fx.outbox.pendingCount()).toBe(0);
      },
    );
  });
}
