import type { CrmUpsertResult } from "../ports/crm-gateway.ts";
import type { OutboxEntry } from "../ports/crm-outbox.ts";

/** How the outbox retries a contact the CRM did not take. */
export interface DeliveryPolicy {
  /** Failed attempts (rate-limit waits excluded) before the contact goes to the dead letters. */
  maxAttempts: number;
  /** First retry after about this long; doubles per failure up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** How long to wait after a 429 that did not say (the length of the CRM's rate-limit window). */
  rateLimitWaitMs: number;
}

/** What to do with an outbox entry after one send. */
export type DeliveryAction =
  | { kind: "delivered"; crmId: string }
  /** Rate limited: not the contact's fault, so not counted as an attempt. */
  | { kind: "wait"; at: number; reason: string }
  | { kind: "retry"; at: number; attempts: number; reason: string }
  | { kind: "dead"; attempts: number; reason: string };

/**
 * Exponential backoff with equal jitter before retry number `attempt` (1 = after the first failure):
 * uniform in [c/2, c) where c = min(max, base * 2^(attempt-1)), so retries spread out yet never bunch
 * at zero. `u` is a uniform draw in [0, 1).
 */
export function outboxBackoffMs(policy: DeliveryPolicy, attempt: number, u: number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  const half = Math.floor(ceiling / 2);
  const span = ceiling - half;
  // Integer steps, clamped: a draw a hair below 1 must not round up to the ceiling itself.
  return half + Math.min(span - 1, Math.floor(u * span));
}

/**
 * The action for `entry` given the CRM's answer at `now`: rate limits wait for retry-after (else a
 * whole window); an invalid contact is dead at once (resending cannot fix it); outages and refused
 * credentials back off until `maxAttempts` failures, then the contact is dead with the last reason.
 */
export function decideDelivery(
  entry: OutboxEntry,
  result: CrmUpsertResult,
  now: number,
  policy: DeliveryPolicy,
  u: number,
): DeliveryAction {
  if (result.ok) return { kind: "delivered", crmId: result.crmId };
  const reason = `${result.code}: ${result.message}`;
  if (result.code === "rate_limited") {
    const wait =
      result.retryAfterMs !== undefined && result.retryAfterMs >= 0
        ? result.retryAfterMs
        : policy.rateLimitWaitMs;
    return { kind: "wait", at: now + wait, reason };
  }
  const attempts = entry.attempts + 1;
  if (result.code === "invalid") return { kind: "dead", attempts, reason };
  if (attempts >= policy.maxAttempts) {
    return { kind: "dead", attempts, reason: `gave up after ${attempts} attempts: ${reason}` };
  }
  return { kind: "retry", at: now + outboxBackoffMs(policy, attempts, u), attempts, reason };
}
