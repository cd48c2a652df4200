/**
 * Several instances share one GoHighLevel location: their senders must share its burst budget too.
 * Two senders (two instances) drain one outbox; a RedisSendBudget on the real Redis keeps them, together,
 * within the limit in every window — without it each keeps only its own window and together they overshoot.
 */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteRedisPrefix } from "../../bench/run-cleanup.ts";
import { MemoryContactStore } from "../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCrmOutbox } from "../../src/adapters/memory/memory-crm-outbox.ts";
import { connectRedis, createRedis } from "../../src/adapters/redis/redis-connection.ts";
import { RedisSendBudget } from "../../src/adapters/redis/redis-send-budget.ts";
import { CrmOutboxSender } from "../../src/domain/crm-outbox-sender.ts";
import type { CrmGateway } from "../../src/ports/crm-gateway.ts";
import type { SendBudget } from "../../src/ports/send-budget.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../support/services.ts";

const skip = await skipUnless("redis");
const LIMIT = 10;
const WINDOW = 1_000;
const prefix = `${uniqueName("budget")}:`;

/** The most requests the CRM saw in any window of WINDOW ms. */
function busiestWindow(sends: number[]): number {
  const sorted = [...sends].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= WINDOW) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function drainWithTwoSenders(budget: (name: string) => SendBudget | undefined): Promise<number[]> {
  let t = 1_700_000_000_000;
  const clock = { now: () => t, sleep: async () => {} };
  const contacts = new MemoryContactStore();
  const outbox = new MemoryCrmOutbox();
  const sends: number[] = [];
  const crm: CrmGateway = {
    name: "fake",
    async upsertContacts(cs) {
      for (const _ of cs) sends.push(t);
      return cs.map(() => ({ ok: true, crmId: "c", created: true }));
    },
  };
  const ids = [];
  for (let i = 0; i < 60; i++)
    ids.push((await contacts.upsert("acme", { email: `p${i}@x.io` }, t)).contact.id);
  await outbox.enqueue("acme", ids, t);
  const sender = (owner: string) => {
    const shared = budget(owner);
    return new CrmOutboxSender(
      {
        outbox,
        crm,
        contacts,
        clock,
        random: { next: () => 0.5 },
        ...(shared ? { sharedBudget: shared } : {}),
      },
      {
        owner,
        rateLimit: LIMIT,
        windowMs: WINDOW,
        batchSize: 5,
        leaseMs: 60_000,
        pollMs: 50,
        maxAttempts: 4,
        baseBackoffMs: 100,
        maxBackoffMs: 1_000,
        rateLimitWaitMs: WINDOW,
      },
    );
  };
  const [a, b] = [sender("instance-a"), sender("instance-b")];
  for (let i = 0; i < 5_000 && (await outbox.pendingCount()) > 0; i++) {
    const waits = [(await a.sendDue()).waitMs, (await b.sendDue()).waitMs];
    t += Math.max(1, Math.min(...waits, 50));
  }
  expect(await outbox.pendingCount()).toBe(0);
  return sends;
}

describe.skipIf(skip)("a CRM budget shared by several instances", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = createRedis(REDIS_URL, { commandTimeoutMs: 2_000 });
    await connectRedis(redis);
  });
  afterAll(async () => {
    await redis?.quit();
    await deleteRedisPrefix(REDIS_URL, prefix);
  });

  it("keeps two instances together within the location's limit in every window", async () => {
    const key = `${prefix}loc-1`;
    const sends = await drainWithTwoSenders(
      () => new RedisSendBudget(redis, { key, limit: LIMIT, windowMs: WINDOW }),
    );
    expect(sends).toHaveLength(60);
    expect(busiestWindow(sends)).toBeLessThanOrEqual(LIMIT);
  });

  it("without it, each instance keeps only its own window and together they overshoot (the control)", async () => {
    const sends = await drainWithTwoSenders(() => undefined);
    expect(busiestWindow(sends)).toBeGreaterThan(LIMIT);
  });

  it("a budget that cannot be reached leaves each instance's own window in charge", async () => {
    const down: SendBudget = {
      reserve: async () => {
        throw new Error("redis down");
      },
    };
    const sends = await drainWithTwoSenders(() => down);
    expect(sends).toHaveLength(60);
  });
});
