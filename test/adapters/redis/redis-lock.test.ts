import fc from "fast-check";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MemoryLock } from "../../../src/adapters/memory/memory-lock.ts";
import { connectRedis, createRedis } from "../../../src/adapters/redis/redis-connection.ts";
import { LockUnavailableError, RedisLock } from "../../../src/adapters/redis/redis-lock.ts";
import { SystemClock } from "../../../src/adapters/system/system-clock.ts";
import type { DistributedLock } from "../../../src/ports/distributed-lock.ts";
import { REDIS_URL, skipUnless, uniqueName } from "../../support/services.ts";

const skip = await skipUnless("redis");
const prefix = `${uniqueName("eh_test_lock")}:`;
const clients: Redis[] = [];
let redis: Redis;

function client(url = REDIS_URL): Redis {
  // Generous timeout: these tests share one Redis with every other suite running in parallel.
  const r = createRedis(url, {
    commandTimeoutMs: 2_000,
    connectTimeoutMs: 500,
    connectionName: "eh-test-lock",
  });
  clients.push(r);
  return r;
}

beforeAll(async () => {
  if (skip) return;
  redis = client();
  await connectRedis(redis);
});

afterAll(async () => {
  if (!skip) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  for (const r of clients) await r.quit().catch(() => r.disconnect());
});

let n = 0;
const freshKey = () => `acme:qualify:${++n}`;

const subjects: [string, () => DistributedLock, string | false][] = [
  ["Redis", () => new RedisLock(redis, { prefix }), skip],
  ["memory", () => new MemoryLock(new SystemClock()), false],
];

describe.each(subjects)("DistributedLock: %s", (_name, make, skipped) => {
  it.skipIf(skipped)("grants a free key once, and refuses it while the lease lasts", async () => {
    const lock = make();
    const key = freshKey();
    const token = await lock.acquire(key, 60_000);
    expect(typeof token).toBe("string");
    expect(await lock.acquire(key, 60_000)).toBeUndefined();
    expect(await lock.acquire(freshKey(), 60_000)).toBeTypeOf("string");
  });

  it.skipIf(skipped)("releases only with the holder's token; then the key is free again", async () => {
    const lock = make();
    const key = freshKey();
    const token = (await lock.acquire(key, 60_000))!;
    expect(await lock.release(key, "not-the-token")).toBe(false);
    expect(await lock.acquire(key, 60_000)).toBeUndefined();
    expect(await lock.release(key, token)).toBe(true);
    expect(await lock.acquire(key, 60_000)).toBeTypeOf("string");
  });

  it.skipIf(skipped)("frees a lease its holder never released once the TTL has run out", async () => {
    const lock = make();
    const key = freshKey();
    const crashed = (await lock.acquire(key, 50))!;
    await vi.waitFor(async () => expect(await lock.acquire(key, 60_000)).toBeTypeOf("string"), {
      timeout: 2_000,
      interval: 10,
    });
    // The late holder cannot release the lease that replaced its own.
    expect(await lock.release(key, crashed)).toBe(false);
    expect(await lock.acquire(key, 60_000)).toBeUndefined();
  });

  it.skipIf(skipped)("rejects a TTL that is not > 0", async () => {
    await expect(make().acquire(freshKey(), 0)).rejects.toThrow(RangeError);
  });

  it.skipIf(skipped)(
    "property: of any number of concurrent acquirers exactly one gets the lease",
    async () => {
      const lock = make();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 20 }), async (contenders) => {
          const key = freshKey();
          const tokens = await Promise.all(
            Array.from({ length: contenders }, () => lock.acquire(key, 60_000)),
          );
          expect(tokens.filter((t) => t !== undefined)).toHaveLength(1);
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe.skipIf(skip)("RedisLock", () => {
  it("stores the lease as `<prefix><key>` with the token and a PX expiry", async () => {
    const lock = new RedisLock(redis, { prefix });
    const key = freshKey();
    const token = await lock.acquire(key, 30_000);
    expect(await redis.get(`${prefix}${key}`)).toBe(token);
    const pttl = await redis.pttl(`${prefix}${key}`);
    expect(pttl).toBeGreaterThan(25_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
  });

  it("keeps environments apart: the same key under another prefix is another lease", async () => {
    const key = freshKey();
    expect(await new RedisLock(redis, { prefix }).acquire(key, 60_000)).toBeTypeOf("string");
    expect(await new RedisLock(redis, { prefix: `${prefix}other:` }).acquire(key, 60_000)).toBeTypeOf(
      "string",
    );
  });

  it("gives two connections (two instances) one lease between them", async () => {
    const other = client();
    await connectRedis(other);
    const key = freshKey();
    const [a, b] = await Promise.all([
      new RedisLock(redis, { prefix }).acquire(key, 60_000),
      new RedisLock(other, { prefix }).acquire(key, 60_000),
    ]);
    expect([a, b].filter((t) => t !== undefined)).toHaveLength(1);
  });
});

describe("RedisLock with Redis unreachable", () => {
  it("throws LockUnavailableError (code lock_unavailable) at once instead of hanging", async () => {
    const lock = new RedisLock(client("redis://127.0.0.1:1"), { prefix });
    for (const call of [lock.acquire("acme:q:1", 1_000), lock.release("acme:q:1", "token")]) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockUnavailableError);
      expect(error).toMatchObject({ code: "lock_unavailable" });
    }
  });
});
