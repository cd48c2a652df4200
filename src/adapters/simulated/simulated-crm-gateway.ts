import { createHash } from "node:crypto";
import type { Clock } from "../../ports/clock.ts";
import type { CrmContact, CrmFailureCode, CrmGateway, CrmUpsertResult } from "../../ports/crm-gateway.ts";
import type { Random } from "../../ports/random.ts";
import { assertLatency, type LogNormalLatency, logNormal } from "./log-normal.ts";

/**
 * The report's /api/contacts/sync: median 183.88 ms, P99 365.90 ms → sigma = ln(365.90 / 183.88) / 2.326 ≈ 0.30.
 * Rounded to a 180 ms median; a benchmark that needs the exact figures passes its own.
 */
export const DEFAULT_CRM_LATENCY: LogNormalLatency = { medianMs: 180, sigma: 0.3 };

/** GoHighLevel's burst window is 10 s, so that is what a simulated 429 asks the caller to wait. */
const RATE_LIMIT_RETRY_AFTER_MS = 10_000;

export interface SimulatedCrmGatewayOptions {
  readonly clock: Clock;
  /** The gateway's own stream (e.g. `seeded.fork("crm")`). */
  readonly random: Random;
  /** Latency of one upsertContacts call (one batch). */
  readonly latency?: LogNormalLatency;
  /** Probability in [0, 1] that one contact's upsert fails. Default 0. */
  readonly failureRatio?: number;
  /** The code of a simulated failure; default "rate_limited" (with retryAfterMs 10 s). */
  readonly failureCode?: CrmFailureCode;
  readonly name?: string;
}

/** A contact as the simulated CRM holds it. */
export interface SimulatedCrmRecord extends CrmContact {
  readonly crmId: string;
  readonly tags: string[];
}

/**
 * A CRM for deterministic benchmarks. Identity is the lower-cased email, else the phone's digits (as in
 * the ContactStore); the id is derived from that identity, so the same person always gets the same id.
 * Upserting merges: given fields overwrite, tags are added. Each call advances the clock by one latency;
 * draws per call: two uniforms for the latency, then one per contact for failure (always drawn).
 */
export class SimulatedCrmGateway implements CrmGateway {
  /** "simulated-crm" unless given. */
  readonly name: string;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #latency: LogNormalLatency;
  readonly #failureRatio: number;
  readonly #failureCode: CrmFailureCode;
  readonly #records = new Map<string, SimulatedCrmRecord>();
  #calls = 0;
  #created = 0;
  #updated = 0;

  /** A gateway with the given latency and failure ratio. */
  constructor(options: SimulatedCrmGatewayOptions) {
    const failureRatio = options.failureRatio ?? 0;
    if (!(failureRatio >= 0 && failureRatio <= 1)) {
      throw new RangeError(`SimulatedCrmGateway: failureRatio must be in [0, 1], got ${failureRatio}`);
    }
    this.#latency = options.latency ?? DEFAULT_CRM_LATENCY;
    assertLatency(this.#latency, "SimulatedCrmGateway");
    this.name = options.name ?? "simulated-crm";
    this.#clock = options.clock;
    this.#random = options.random;
    this.#failureRatio = failureRatio;
    this.#failureCode = options.failureCode ?? "rate_limited";
  }

  /** upsertContacts calls so far. */
  get calls(): number {
    return this.#calls;
  }

  /** Contacts created so far. */
  get created(): number {
    return this.#created;
  }

  /** Upserts that found an existing contact. */
  get updated(): number {
    return this.#updated;
  }

  /** The stored contact with this id, if any. */
  find(crmId: string): SimulatedCrmRecord | undefined {
    for (const record of this.#records.values()) if (record.crmId === crmId) return record;
    return undefined;
  }

  /** One result per contact, in order, after one simulated round-trip. */
  async upsertContacts(contacts: CrmContact[]): Promise<CrmUpsertResult[]> {
    this.#calls++;
    await this.#clock.sleep(logNormal(this.#random, this.#latency));
    return contacts.map((contact) => this.#upsert(contact, this.#random.next() < this.#failureRatio));
  }

  #upsert(contact: CrmContact, fails: boolean): CrmUpsertResult {
    const identity = identityOf(contact);
    if (!identity)
      return { ok: false, code: "invalid", message: "a contact needs an email or a phone number" };
    if (fails) {
      const message = `simulated ${this.#failureCode} failure`;
      return this.#failureCode === "rate_limited"
        ? { ok: false, code: "rate_limited", message, retryAfterMs: RATE_LIMIT_RETRY_AFTER_MS }
        : { ok: false, code: this.#failureCode, message };
    }
    const existing = this.#records.get(identity);
    const crmId =
      existing?.crmId ?? `sim_${createHash("sha256").update(identity).digest("hex").slice(0, 24)}`;
    const tags = [...new Set([...(existing?.tags ?? []), ...(contact.tags ?? [])])];
    this.#records.set(identity, { ...existing, ...definedFields(contact), tags, crmId });
    if (existing) this.#updated++;
    else this.#created++;
    return { ok: true, crmId, created: !existing };
  }
}

/** Lower-cased email, else "tel:" + the phone's digits, else undefined. */
function identityOf(contact: CrmContact): string | undefined {
  const email = contact.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const digits = contact.phone?.replace(/\D/g, "");
  return digits ? `tel:${digits}` : undefined;
}

/** The contact's fields that were given (an absent field must not erase a stored one). */
function definedFields(contact: CrmContact): CrmContact {
  return Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)) as CrmContact;
}
