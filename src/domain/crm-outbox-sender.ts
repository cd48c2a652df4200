import type { Clock } from "../ports/clock.ts";
import type { ContactRecord, ContactStore } from "../ports/contact-store.ts";
import type { CrmContact, CrmGateway, CrmUpsertResult } from "../ports/crm-gateway.ts";
import type { CrmOutbox, OutboxEntry } from "../ports/crm-outbox.ts";
import type { Random } from "../ports/random.ts";
import type { SendBudget } from "../ports/send-budget.ts";
import { BackgroundLoop } from "./background-loop.ts";
import { crmContactOf } from "./contact-sync.ts";
import { type DeliveryAction, type DeliveryPolicy, decideDelivery } from "./crm-delivery-policy.ts";
import { SendWindow } from "./crm-send-window.ts";

export interface CrmOutboxSenderOptions extends DeliveryPolicy {
  /** This sender's name on the leases it takes; unique per process. */
  owner: string;
  /** CRM requests per `windowMs` (GoHighLevel: 100 per 10 s per location; one sender serves one location). */
  rateLimit: number;
  /** Length of the rate-limit window in ms. */
  windowMs: number;
  /** Entries claimed per pass. */
  batchSize: number;
  /** How long a claim holds; longer than a batch can take to send, so a live sender keeps its entries. */
  leaseMs: number;
  /** Longest sleep between passes, and how often an idle sender looks for work (other instances', expired leases). */
  pollMs: number;
  /** CRM requests one contact costs (GoHighLevel: the upsert, plus one to add tags). Default 1. */
  requestsPerContact?: (contact: CrmContact) => number;
}

export interface CrmOutboxSenderDeps {
  /** The queue to deliver. */
  outbox: CrmOutbox;
  /** Where contacts go (one location). */
  crm: CrmGateway;
  /** Read at send time; linked to their CRM id on delivery. */
  contacts: ContactStore;
  /** Times leases, windows, waits and the loop's sleeps. */
  clock: Clock;
  /** Jitters the backoff. */
  random: Random;
  /** The location's budget shared with the other instances (Redis); without it, this instance's window alone. */
  sharedBudget?: SendBudget;
  /** Told about a pass that threw (the database down) and about each contact given up on. */
  observer?: { error?(err: unknown): void; deadLetter?(entry: OutboxEntry, reason: string): void };
}

/** What one pass did, and how long until the next one is worth running. */
export interface SendPass {
  /** Entries leased this pass. */
  claimed: number;
  /** Entries the CRM took, now gone from the outbox. */
  delivered: number;
  /** Rescheduled: a rate-limit wait, a backoff, a newer version to send, or no budget left this window. */
  rescheduled: number;
  /** Entries moved to the dead letters. */
  dead: number;
  /** How long until another pass is worth running (0: at once). */
  waitMs: number;
}

/**
 * Delivers the CRM outbox in the background: claims due entries, reads each contact as it is now,
 * sends within a sliding window of `rateLimit` requests per `windowMs`, and records the outcome.
 * A 429 pauses all sending until its retry-after. Delivery is at least once, and idempotent by the
 * CRM's upsert key (email / phone), so a send repeated after a crash finds the same CRM contact.
 */
export class CrmOutboxSender {
  readonly #d: CrmOutboxSenderDeps;
  readonly #o: CrmOutboxSenderOptions;
  readonly #window: SendWindow;
  readonly #loop: BackgroundLoop;
  #pausedUntil = 0;

  constructor(deps: CrmOutboxSenderDeps, options: CrmOutboxSenderOptions) {
    for (const k of ["batchSize", "leaseMs", "pollMs", "maxAttempts"] as const) {
      if (!(options[k] >= 1)) throw new TypeError(`CrmOutboxSender needs ${k} >= 1, got ${options[k]}`);
    }
    this.#d = deps;
    this.#o = options;
    this.#window = new SendWindow(options.rateLimit, options.windowMs);
    this.#loop = new BackgroundLoop(async () => (await this.sendDue()).waitMs, {
      clock: deps.clock,
      maxSleepMs: options.pollMs,
      ...(deps.observer?.error ? { onError: deps.observer.error } : {}),
    });
  }

  /** Runs one pass: claims what is due and fits the rate window, sends it, records each outcome. */
  async sendDue(): Promise<SendPass> {
    const now = this.#d.clock.now();
    if (now < this.#pausedUntil) return idle(this.#pausedUntil - now);
    const budget = this.#window.available(now);
    if (budget === 0) return idle(this.#window.nextFreeAt(now) - now);
    const claimed = await this.#d.outbox.claim(
      this.#o.owner,
      Math.min(this.#o.batchSize, budget),
      now,
      this.#o.leaseMs,
    );
    if (claimed.length === 0) return idle(this.#o.pollMs);
    const pass: SendPass = { claimed: claimed.length, delivered: 0, rescheduled: 0, dead: 0, waitMs: 0 };
    const { batch: fitted, deferredCost } = await this.#fit(claimed, budget, now, pass);
    if (fitted.length === 0) return { ...pass, waitMs: this.#window.nextFreeAt(now, deferredCost) - now };
    const shared = await this.#withinSharedBudget(fitted, now, pass);
    const batch = shared.batch;
    if (batch.length === 0) return { ...pass, waitMs: Math.max(1, shared.retryAt - now) };
    const results = await this.#send(batch.map((b) => b.crm));
    const after = this.#d.clock.now();
    this.#window.record(
      batch.reduce((sum, b) => sum + b.cost, 0),
      after,
    );
    const actions = batch.map((b, i) => {
      const result = results[i] ?? { ok: false, code: "unavailable", message: "no answer from the CRM" };
      return decideDelivery(b.entry, result, after, this.#o, this.#d.random.next());
    });
    // Every contact of the batch failing alike says the CRM is down, not the contacts: wait it out.
    if (actions.every((a) => a.kind === "retry")) {
      this.#pausedUntil = Math.max(this.#pausedUntil, Math.min(...actions.map((a) => a.at)));
    }
    for (const [i, b] of batch.entries()) await this.#apply(b.entry, b.contact, actions[i]!, after, pass);
    return pass;
  }

  /** Starts delivering in the background (once); a pass that throws is reported and retried after `pollMs`. */
  start(): void {
    this.#loop.start();
  }

  /** Cuts the current wait short: there is new work. */
  wake(): void {
    this.#loop.wake();
  }

  /** Stops delivering and waits for the pass in flight; what it did not send stays leased until the lease ends. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /**
   * The claimed entries whose request cost fits `budget`, with their contacts; the rest are released
   * for later, and `deferredCost` is the cost of the first of them (what the window must free up).
   */
  async #fit(claimed: OutboxEntry[], budget: number, now: number, pass: SendPass) {
    const cost = this.#o.requestsPerContact ?? (() => 1);
    const batch: Array<{ entry: OutboxEntry; contact: ContactRecord; crm: CrmContact; cost: number }> = [];
    let left = budget;
    let deferredCost: number | undefined;
    for (const entry of claimed) {
      const contact = await this.#d.contacts.get(entry.tenant, entry.contactId);
      // Erased since it was queued (a CCPA delete): nothing left to send.
      if (!contact) {
        await this.#d.outbox.complete(entry, now);
        continue;
      }
      const crm = crmContactOf(contact);
      const c = Math.max(1, cost(crm));
      // A contact dearer than a whole window still goes, alone, into an empty one.
      if (c <= left || (batch.length === 0 && left === this.#window.limit)) {
        batch.push({ entry, contact, crm, cost: c });
        left -= c;
      } else {
        deferredCost ??= c;
        if (await this.#d.outbox.reschedule(entry, { at: now, attempts: entry.attempts }, now))
          pass.rescheduled += 1;
      }
    }
    return { batch, deferredCost: deferredCost ?? 1 };
  }

  /**
   * The part of `batch` the shared budget grants (in order); the rest is rescheduled for when it frees
   * up. A shared budget that cannot be reached leaves this instance's own window in charge.
   */
  async #withinSharedBudget<B extends { entry: OutboxEntry; cost: number }>(
    batch: B[],
    now: number,
    pass: SendPass,
  ): Promise<{ batch: B[]; retryAt: number }> {
    const budget = this.#d.sharedBudget;
    if (!budget) return { batch, retryAt: now };
    const need = batch.reduce((sum, b) => sum + b.cost, 0);
    let grant: { granted: number; retryAt: number };
    try {
      grant = await budget.reserve(need, now);
    } catch (err) {
      this.#d.observer?.error?.(err);
      return { batch, retryAt: now };
    }
    if (grant.granted >= need) return { batch, retryAt: now };
    let left = grant.granted;
    const kept: B[] = [];
    for (const b of batch) {
      if (b.cost <= left) {
        kept.push(b);
        left -= b.cost;
      } else if (
        await this.#d.outbox.reschedule(b.entry, { at: grant.retryAt, attempts: b.entry.attempts }, now)
      ) {
        pass.rescheduled += 1;
      }
    }
    return { batch: kept, retryAt: grant.retryAt };
  }

  async #send(contacts: CrmContact[]): Promise<CrmUpsertResult[]> {
    try {
      return await this.#d.crm.upsertContacts(contacts);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return contacts.map(() => ({ ok: false, code: "unavailable", message }));
    }
  }

  async #apply(
    entry: OutboxEntry,
    contact: ContactRecord,
    action: DeliveryAction,
    now: number,
    pass: SendPass,
  ) {
    const { outbox } = this.#d;
    if (action.kind === "delivered") {
      if (contact.crmId !== action.crmId)
        await this.#d.contacts.setCrmId(entry.tenant, entry.contactId, action.crmId);
      if (await outbox.complete(entry, now)) pass.delivered += 1;
      else pass.rescheduled += 1;
    } else if (action.kind === "dead") {
      if (await outbox.bury(entry, { attempts: action.attempts, reason: action.reason }, now)) {
        pass.dead += 1;
        this.#d.observer?.deadLetter?.(entry, action.reason);
      }
    } else {
      if (action.kind === "wait") this.#pausedUntil = Math.max(this.#pausedUntil, action.at);
      const attempts = action.kind === "retry" ? action.attempts : entry.attempts;
      if (await outbox.reschedule(entry, { at: action.at, attempts, reason: action.reason }, now))
        pass.rescheduled += 1;
    }
  }
}

function idle(waitMs: number): SendPass {
  return { claimed: 0, delivered: 0, rescheduled: 0, dead: 0, waitMs: Math.max(0, waitMs) };
}
