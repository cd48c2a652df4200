import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DeliveryPolicy,
  decideDelivery,
  outboxBackoffMs,
} from "../../src/domain/crm-delivery-policy.ts";
import type { OutboxEntry } from "../../src/ports/crm-outbox.ts";

const policy: DeliveryPolicy = {
  maxAttempts: 5,
  baseBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  rateLimitWaitMs: 10_000,
};
const entry = (attempts: number): OutboxEntry => ({
  id: "e",
  tenant: "acme",
  contactId: "c",
  version: 1,
  attempts,
  nextAttemptAt: 0,
  enqueuedAt: 0,
});

describe("outboxBackoffMs", () => {
  it("property: the delay lies in [c/2, c) for c = min(max, base * 2^(attempt-1))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, u) => {
          const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempt - 1));
          const delay = outboxBackoffMs(policy, attempt, u);
          expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("stays below the ceiling for a draw a hair below 1", () => {
    expect(outboxBackoffMs(policy, 1, 1 - 2 ** -53)).toBe(999);
    expect(outboxBackoffMs(policy, 1, 0)).toBe(500);
  });

  it("property: for one draw, a later attempt never waits less", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, u) => {
          expect(outboxBackoffMs(policy, attempt + 1, u)).toBeGreaterThanOrEqual(
            outboxBackoffMs(policy, attempt, u),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("decideDelivery", () => {
  it("marks a contact the CRM took as delivered with its CRM id", () => {
    expect(decideDelivery(entry(2), { ok: true, crmId: "g1", created: false }, 0, policy, 0)).toEqual({
      kind: "delivered",
      crmId: "g1",
    });
  });

  it("waits out a rate limit for its retry-after (else a window), without counting an attempt", () => {
    const limited = { ok: false as const, code: "rate_limited" as const, message: "429" };
    expect(decideDelivery(entry(2), { ...limited, retryAfterMs: 3_000 }, 100, policy, 0)).toEqual({
      kind: "wait",
      at: 3_100,
      reason: "rate_limited: 429",
    });
    expect(decideDelivery(entry(2), limited, 100, policy, 0)).toMatchObject({ kind: "wait", at: 10_100 });
  });

  it("buries an invalid contact at once", () => {
    expect(decideDelivery(entry(0), { ok: false, code: "invalid", message: "422" }, 0, policy, 0)).toEqual({
      kind: "dead",
      attempts: 1,
      reason: "invalid: 422",
    });
  });

  it("retries an outage or refused credentials with backoff until the last attempt, then buries", () => {
    const down = { ok: false as const, code: "unavailable" as const, message: "503" };
    expect(decideDelivery(entry(1), down, 0, policy, 0)).toEqual({
      kind: "retry",
      at: 1_000,
      attempts: 2,
      reason: "unavailable: 503",
    });
    expect(decideDelivery(entry(3), { ok: false, code: "auth", message: "401" }, 0, policy, 0)).toMatchObject(
      {
        kind: "retry",
        attempts: 4,
      },
    );
    expect(decideDelivery(entry(4), down, 0, policy, 0)).toEqual({
      kind: "dead",
      attempts: 5,
      reason: "gave up after 5 attempts: unavailable: 503",
    });
  });
});
