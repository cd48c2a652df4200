import type { Clock } from "../ports/clock.ts";
import type { ContactStore } from "../ports/contact-store.ts";
import type { CostLedger } from "../ports/cost-ledger.ts";
import type { LanguageModel } from "../ports/language-model.ts";
import type { LeadStore } from "../ports/lead-store.ts";
import type { Qualification } from "../ports/qualification.ts";
import type { Random } from "../ports/random.ts";
import { BestEffortWrites } from "./best-effort-writes.ts";
import { cacheKey } from "./cache-key.ts";
import { answerThroughCache } from "./cached-model-call.ts";
import type { PriceProfile } from "./cost/price-table.ts";
import { contactInputOf } from "./lead-contact.ts";
import { type LeadScore, scoreLead } from "./lead-scoring.ts";
import { modelChainFor } from "./model-chain.ts";
import { QUALIFY_PROMPT } from "./prompts/qualify.ts";
import {
  QUALIFICATION_JSON_SCHEMA,
  QUALIFICATION_SCHEMA_VERSION,
  validateQualification,
} from "./qualification-schema.ts";
import { type CacheTierKind, type CostLine, costOfRequest } from "./request-cost.ts";
import { extractQualification } from "./response-extraction.ts";
import type { RetryPolicy } from "./retry-policy.ts";
import type { TieredCache } from "./tiered-cache.ts";

export interface QualifyInput {
  tenant: string;
  requestId: string;
  lead: { name?: string; email?: string; phone?: string; source?: string };
  messages: readonly string[];
  /** The contact this lead already belongs to (a conversation's); else one is stored from `lead`. */
  contactId?: string;
}

export interface QualifyResult extends LeadScore {
  leadId: string;
  contactId?: string;
  qualification: Qualification;
  /** The model that produced the qualification (on a cache hit: the one that produced it first). */
  model: string;
  /** Where the answer came from: "L1", "L2", "L3" or "origin". */
  cache: string;
  degraded: readonly string[];
  cost: CostLine;
  attempts: number;
  /** False when the database was unreachable: the answer is served, but the lead, its contact or its ledger entries were not stored. */
  stored: boolean;
}

export interface LeadQualifierDeps {
  cache: TieredCache;
  /** The model serving cloud model ids; undefined when only the offline model is available. */
  cloud?: LanguageModel;
  offline: LanguageModel;
  ledger: CostLedger;
  leads: LeadStore;
  contacts: ContactStore;
  clock: Clock;
  random: Random;
  prices: PriceProfile;
  retry: RetryPolicy;
  /** The cache tiers in read order and what each runs on, for infrastructure costing. */
  tiers: readonly CacheTierKind[];
}

interface CachedAnswer {
  qualification: Qualification;
  model: string;
}

/**
 * Qualifies a lead: routes the task to a model, looks the answer up in the tiered cache, calls the model
 * (one retry layer, falling back down the chain to the offline model) on a miss, validates and scores
 * the answer, stores the lead and records every billed attempt and the request's infrastructure in the ledger.
 */
export class LeadQualifier {
  readonly #d: LeadQualifierDeps;

  constructor(deps: LeadQualifierDeps) {
    this.#d = deps;
  }

  /** Qualifies one lead from its messages. */
  async qualify(input: QualifyInput): Promise<QualifyResult> {
    const d = this.#d;
    const totalChars = input.messages.reduce((n, m) => n + m.length, 0);
    const chain = modelChainFor(
      { task: "qualify", messageCount: input.messages.length, totalChars },
      d.cloud !== undefined,
    );
    const key = cacheKey({
      tenant: input.tenant,
      operation: "qualify",
      promptVersion: QUALIFY_PROMPT.version,
      model: chain[0]!,
      schemaVersion: QUALIFICATION_SCHEMA_VERSION,
      input: { messages: input.messages },
    });
    const answer = await answerThroughCache<Qualification>(d, {
      key,
      chain,
      request: {
        // Relative dates ("by June") need today's date; it is not in the cache key, so a cached answer may be a day old.
        system: `${QUALIFY_PROMPT.system} Today is ${new Date(d.clock.now()).toISOString().slice(0, 10)}.`,
        messages: input.messages.map((content) => ({ role: "user" as const, content })),
        maxTokens: QUALIFY_PROMPT.maxTokens,
        outputSchema: {
          name: "record_qualification",
          description: "Record the lead's qualification.",
          jsonSchema: QUALIFICATION_JSON_SCHEMA as Record<string, unknown>,
        },
        task: "qualify",
      },
      accept: (r) => {
        const x = extractQualification(r);
        return x.ok ? { ok: true, value: x.value } : { ok: false, reason: x.reason };
      },
      encode: (qualification, model) => JSON.stringify({ qualification, model } satisfies CachedAnswer),
      decode: cachedAnswerOf,
    });
    const read = answer.read;
    const qualification = answer.value;
    // A qualification can be answered without being stored: a database outage loses the record, not the answer.
    const writes = new BestEffortWrites();
    const contact = input.contactId ?? (await writes.run(() => this.#storeContact(input)));
    const score = scoreLead(qualification);
    await writes.run(() =>
      d.leads.save({
        id: input.requestId,
        tenant: input.tenant,
        ...(contact ? { contactId: contact } : {}),
        cacheKey: key,
        qualification,
        score: score.score,
        temperature: score.temperature,
        model: answer.model,
        createdAt: d.clock.now(),
      }),
    );
    const ledger: CostLedger = {
      record: async (entry) => void (await writes.run(() => d.ledger.record(entry))),
      summary: (tenant) => d.ledger.summary(tenant),
    };
    const cost = await costOfRequest(
      { ...d, ledger },
      {
        tenant: input.tenant,
        requestId: input.requestId,
        operation: "lead_qualification",
        source: read.source,
        attempts: answer.attempts,
        postgresWrites: contact ? 2 : 1,
      },
    );
    return {
      leadId: input.requestId,
      ...(contact ? { contactId: contact } : {}),
      qualification,
      ...score,
      model: answer.model,
      cache: read.source,
      degraded: read.degraded,
      cost,
      attempts: answer.attempts.length,
      stored: writes.allStored,
    };
  }

  async #storeContact(input: QualifyInput): Promise<string | undefined> {
    const contact = contactInputOf(input.lead);
    if (!contact) return undefined;
    return (await this.#d.contacts.upsert(input.tenant, contact, this.#d.clock.now())).contact.id;
  }
}

/** A cached answer read back from a tier, validated again (tiers are shared and outlive deploys), or undefined. */
function cachedAnswerOf(value: string): { value: Qualification; model: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { qualification, model } = parsed as Partial<CachedAnswer>;
  const checked = validateQualification(qualification);
  return checked.ok && typeof model === "string" ? { value: checked.value, model } : undefined;
}
