import type { CrmContact, CrmGateway, CrmUpsertResult } from "../../ports/crm-gateway.ts";
import { hasIdentity, tagsToAdd, toUpsertBody } from "./ghl-contact-body.ts";
import { type GhlFailure, GhlHttpClient } from "./ghl-http-client.ts";
import type { GhlRateLimit } from "./ghl-rate-limit.ts";

export interface GhlCrmGatewayOptions {
  /** Default https://services.leadconnectorhq.com. */
  baseURL?: string;
  /** Private-integration or OAuth access token. */
  token: string;
  locationId: string;
  /** Per-request timeout; past it the contact fails as "unavailable". */
  timeoutMs: number;
}

/**
 * GoHighLevel API v2 as the CRM: one upsert per contact, then its tags added (never replaced).
 * Contacts go one at a time because a location's burst limit is shared by all its requests.
 */
export class GhlCrmGateway implements CrmGateway {
  /** Adapter name, for logs and metrics. */
  readonly name = "ghl";
  readonly #client: GhlHttpClient;
  readonly #locationId: string;
  #rateLimit: GhlRateLimit | undefined;

  constructor(options: GhlCrmGatewayOptions) {
    if (!options.token?.trim()) throw new TypeError("GhlCrmGateway needs a token");
    if (!options.locationId?.trim()) throw new TypeError("GhlCrmGateway needs a locationId");
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
      throw new TypeError(`GhlCrmGateway needs a positive timeoutMs, got ${options.timeoutMs}`);
    }
    this.#locationId = options.locationId;
    this.#client = new GhlHttpClient({
      baseURL: options.baseURL ?? "https://services.leadconnectorhq.com",
      token: options.token,
      timeoutMs: options.timeoutMs,
      onRateLimit: (limit) => {
        this.#rateLimit = limit;
      },
    });
  }

  /** The burst budget from the latest response that reported one; undefined before any. */
  rateLimit(): GhlRateLimit | undefined {
    return this.#rateLimit ? { ...this.#rateLimit } : undefined;
  }

  /**
   * Upserts each contact in order and returns one result per contact, never throwing for one that fails.
   * After a 429 (or an auth refusal) the rest are not sent: they fail the same way without a request.
   */
  async upsertContacts(contacts: CrmContact[]): Promise<CrmUpsertResult[]> {
    const results: CrmUpsertResult[] = [];
    let halted: GhlFailure | undefined;
    for (const contact of contacts) {
      if (halted) {
        results.push(
          failed({
            ...halted,
            message: `not sent: GoHighLevel refused an earlier contact (${halted.message})`,
          }),
        );
        continue;
      }
      const result = await this.#syncOne(contact);
      if (!result.ok && (result.code === "rate_limited" || result.code === "auth")) halted = result;
      results.push(result);
    }
    return results;
  }

  async #syncOne(contact: CrmContact): Promise<CrmUpsertResult> {
    // Checked here so a contact GoHighLevel would refuse does not spend the location's burst budget.
    if (!hasIdentity(contact))
      return { ok: false, code: "invalid", message: "a contact needs an email or a phone" };
    const upsert = await this.#client.post("/contacts/upsert", toUpsertBody(this.#locationId, contact));
    if (!upsert.ok) return failed(upsert.failure);
    const saved = readUpsertReply(upsert.body);
    if (!saved)
      return {
        ok: false,
        code: "unavailable",
        message: "GoHighLevel answered the upsert without a contact id",
      };
    const tags = tagsToAdd(contact);
    if (tags.length > 0) {
      const tagged = await this.#client.post(`/contacts/${encodeURIComponent(saved.id)}/tags`, { tags });
      if (!tagged.ok) {
        // Failing the whole contact is safe to retry: the upsert finds it again and tags are only added.
        return failed({
          ...tagged.failure,
          message: `contact ${saved.id} saved, tags not: ${tagged.failure.message}`,
        });
      }
    }
    return { ok: true, crmId: saved.id, created: saved.created };
  }
}

function failed(failure: GhlFailure): CrmUpsertResult {
  return { ok: false, ...failure };
}

/** {contact: {id}, new} from the upsert's answer, or undefined when it is not there. */
function readUpsertReply(body: unknown): { id: string; created: boolean } | undefined {
  const reply = body as { contact?: { id?: unknown }; new?: unknown } | null;
  const id = reply?.contact?.id;
  return typeof id === "string" && id !== "" ? { id, created: reply?.new === true } : undefined;
}
