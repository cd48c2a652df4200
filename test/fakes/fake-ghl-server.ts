/**
 * A local stand-in for GoHighLevel API v2 contacts, faithful where clients can tell: Bearer token (401),
 * Version header (400), NestJS-style 422 validation, upsert that finds a contact by email (any case) or
 * phone digits within a location and REPLACES tags when sent, tag adding, and a burst limiter of
 * 100 requests / 10 s per location with X-RateLimit-* headers on every response. Scriptable.
 */
import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import {
  type FakeReply,
  mergeHeaders,
  type RecordedRequest,
  ScriptedHttpServer,
  type ScriptedHttpServerOptions,
  type ScriptedReply,
} from "./scripted-http-server.ts";

/** A contact as the fake stores it (and GET /contacts/:id returns it). */
export interface GhlContactRecord {
  id: string;
  locationId: string;
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  source?: string;
  dnd?: boolean;
  tags: string[];
  dateAdded: string;
  dateUpdated: string;
}

export interface FakeGhlOptions extends ScriptedHttpServerOptions {
  /** The one token the fake accepts. Default "ghl-test-token". */
  token?: string;
  /** Locations the token may touch (403 otherwise). Default: any. */
  locations?: string[];
  /** Requests per window per location. Default 100. */
  burstLimit?: number;
  /** Window of the burst limit in ms. Default 10 000. */
  windowMs?: number;
  /** Requests per day per location. Default 200 000. */
  dailyLimit?: number;
  /** Clock for the limiter and timestamps, so tests can move time instead of waiting. */
  now?: () => number;
}

const UPSERT_FIELDS = new Set([
  "locationId",
  "email",
  "phone",
  "firstName",
  "lastName",
  "name",
  "source",
  "dnd",
  "tags",
  "companyName",
  "timezone",
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A fake GoHighLevel API on 127.0.0.1. */
export class FakeGhlServer extends ScriptedHttpServer {
  /** The token the fake accepts. */
  readonly token: string;
  readonly #locations: string[] | undefined;
  readonly #burst: number;
  readonly #windowMs: number;
  readonly #daily: number;
  readonly #now: () => number;
  readonly #contacts = new Map<string, GhlContactRecord>();
  /** Contact ids by "location|email" and "location|phone", so an upsert finds its match in O(1) under load. */
  readonly #identities = new Map<string, string>();
  readonly #hits = new Map<string, number[]>();
  readonly #dayCounts = new Map<string, number>();

  private constructor(options: FakeGhlOptions) {
    super(options);
    this.token = options.token ?? "ghl-test-token";
    this.#locations = options.locations;
    this.#burst = options.burstLimit ?? 100;
    this.#windowMs = options.windowMs ?? 10_000;
    this.#daily = options.dailyLimit ?? 200_000;
    this.#now = options.now ?? Date.now;
  }

  /** Starts a fake on a random port. */
  static async start(options: FakeGhlOptions = {}): Promise<FakeGhlServer> {
    const fake = new FakeGhlServer(options);
    await fake.listen();
    return fake;
  }

  /** A stored contact, for assertions. */
  contact(id: string): GhlContactRecord | undefined {
    const c = this.#contacts.get(id);
    return c && { ...c, tags: [...c.tags] };
  }

  /** The contact a location holds for `email` (matched as the upsert matches it), for assertions. */
  contactByEmail(locationId: string, email: string): GhlContactRecord | undefined {
    const id = this.#identities.get(`${locationId}|${email.toLowerCase()}`);
    return id ? this.contact(id) : undefined;
  }

  /** How many contacts the fake holds. */
  get contactCount(): number {
    return this.#contacts.size;
  }

  protected answer(request: RecordedRequest): FakeReply {
    const rate = this.#take(this.#limitKey(request));
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return reply(401, rate.headers, "Invalid JWT");
    if (!request.headers.version) return reply(400, rate.headers, "version header was not found");
    if (!rate.allowed) return reply(429, rate.headers, "Too Many Requests");
    const tagsPath = /^\/contacts\/([^/]+)\/tags$/.exec(request.path);
    const contactPath = /^\/contacts\/([^/]+)$/.exec(request.path);
    if (request.method === "POST" && request.path === "/contacts/upsert")
      return this.#upsert(request.body, rate.headers);
    if (request.method === "POST" && tagsPath)
      return this.#addTags(decodeURIComponent(tagsPath[1]!), request.body, rate.headers);
    if (request.method === "GET" && contactPath) {
      const found = this.contact(decodeURIComponent(contactPath[1]!));
      return found
        ? { status: 200, headers: rate.headers, body: { contact: found } }
        : reply(404, rate.headers, "Contact not found");
    }
    return reply(404, rate.headers, `Cannot ${request.method} ${request.path}`);
  }

  protected shapeScripted(request: RecordedRequest, scripted: ScriptedReply): FakeReply {
    const rate = this.#take(this.#limitKey(request));
    const defaults =
      scripted.status === 429 ? { ...rate.headers, "x-ratelimit-remaining": "0" } : rate.headers;
    const shaped = reply(scripted.status, defaults, STATUS_CODES[scripted.status] ?? "Error");
    return {
      status: scripted.status,
      headers: mergeHeaders(defaults, scripted.headers),
      body: scripted.body ?? shaped.body,
    };
  }

  #upsert(body: unknown, headers: Record<string, string>): FakeReply {
    const problems = upsertProblems(body);
    if (problems.length > 0) return reply(422, headers, problems);
    const b = body as Record<string, unknown> & { locationId: string };
    if (this.#locations && !this.#locations.includes(b.locationId)) {
      return reply(403, headers, "The token does not have access to this location.");
    }
    const email = typeof b.email === "string" ? b.email.toLowerCase() : undefined;
    const phone = typeof b.phone === "string" ? e164(b.phone) : undefined;
    const now = new Date(this.#now()).toISOString();
    const existing = this.#find(b.locationId, email, phone);
    const contact: GhlContactRecord = existing ?? {
      id: ghlId(),
      locationId: b.locationId,
      tags: [],
      dateAdded: now,
      dateUpdated: now,
    };
    if (email) contact.email = email;
    if (phone) contact.phone = phone;
    for (const field of ["firstName", "lastName", "source"] as const) {
      if (typeof b[field] === "string") contact[field] = b[field] as string;
    }
    if (typeof b.dnd === "boolean") contact.dnd = b.dnd;
    // The real upsert replaces the whole tag list when `tags` is sent: the trap the adapter must avoid.
    if (Array.isArray(b.tags)) contact.tags = dedupe(b.tags as string[]);
    contact.dateUpdated = now;
    this.#contacts.set(contact.id, contact);
    if (email) this.#identities.set(`${b.locationId}|${email}`, contact.id);
    if (phone) this.#identities.set(`${b.locationId}|${phone}`, contact.id);
    return {
      status: existing ? 200 : 201,
      headers,
      body: { new: !existing, contact: { ...contact }, traceId: ghlId() },
    };
  }

  #addTags(id: string, body: unknown, headers: Record<string, string>): FakeReply {
    const contact = this.#contacts.get(id);
    if (!contact) return reply(404, headers, "Contact not found");
    const tags = (body as { tags?: unknown } | undefined)?.tags;
    if (
      !Array.isArray(tags) ||
      tags.length === 0 ||
      !tags.every((t) => typeof t === "string" && t.trim() !== "")
    ) {
      return reply(422, headers, ["tags must be a non-empty array of strings"]);
    }
    contact.tags = dedupe([...contact.tags, ...(tags as string[])]);
    return { status: 201, headers, body: { tags: [...contact.tags] } };
  }

  #find(locationId: string, email?: string, phone?: string): GhlContactRecord | undefined {
    const id =
      (email && this.#identities.get(`${locationId}|${email}`)) ||
      (phone && this.#identities.get(`${locationId}|${phone}`));
    return id ? this.#contacts.get(id) : undefined;
  }

  /** The limiter's key: the location the request is about, or the token when none is known. */
  #limitKey(request: RecordedRequest): string {
    const location = (request.body as { locationId?: unknown } | undefined)?.locationId;
    if (typeof location === "string" && location !== "") return location;
    const id = /^\/contacts\/([^/]+)/.exec(request.path)?.[1];
    return (
      (id && this.#contacts.get(decodeURIComponent(id))?.locationId) ||
      `token:${request.headers.authorization ?? ""}`
    );
  }

  /** Counts one request against the key's sliding window; a refused request does not count. */
  #take(key: string): { allowed: boolean; headers: Record<string, string> } {
    const now = this.#now();
    const hits = (this.#hits.get(key) ?? []).filter((t) => t > now - this.#windowMs);
    const allowed = hits.length < this.#burst;
    if (allowed) hits.push(now);
    this.#hits.set(key, hits);
    const today = (this.#dayCounts.get(key) ?? 0) + (allowed ? 1 : 0);
    this.#dayCounts.set(key, today);
    return {
      allowed,
      headers: {
        "x-ratelimit-limit-daily": String(this.#daily),
        "x-ratelimit-daily-remaining": String(Math.max(0, this.#daily - today)),
        "x-ratelimit-interval-milliseconds": String(this.#windowMs),
        "x-ratelimit-max": String(this.#burst),
        "x-ratelimit-remaining": String(Math.max(0, this.#burst - hits.length)),
      },
    };
  }
}

/** GoHighLevel's (NestJS) error shape: {statusCode, message, error}. */
function reply(status: number, headers: Record<string, string>, message: string | string[]): FakeReply {
  return { status, headers, body: { statusCode: status, message, error: STATUS_CODES[status] ?? "Error" } };
}

/** The 422 messages class-validator would give for an upsert body; empty when it is valid. */
function upsertProblems(body: unknown): string[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return ["body must be a JSON object"];
  const b = body as Record<string, unknown>;
  const problems = Object.keys(b)
    .filter((k) => !UPSERT_FIELDS.has(k))
    .map((k) => `property ${k} should not exist`);
  if (typeof b.locationId !== "string" || b.locationId === "")
    problems.push("locationId should not be empty");
  if (b.email !== undefined && (typeof b.email !== "string" || !EMAIL.test(b.email)))
    problems.push("email must be an email");
  if (b.phone !== undefined && (typeof b.phone !== "string" || b.phone.replace(/\D/g, "").length < 7)) {
    problems.push("phone must be a valid phone number");
  }
  if (b.email === undefined && b.phone === undefined) problems.push("email or phone is required");
  if (b.dnd !== undefined && typeof b.dnd !== "boolean") problems.push("dnd must be a boolean value");
  if (b.tags !== undefined && (!Array.isArray(b.tags) || !b.tags.every((t) => typeof t === "string"))) {
    problems.push("tags must be an array of strings");
  }
  return problems;
}

/** Phone in E.164 as GoHighLevel stores it: a 10-digit number is taken as US. */
function e164(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `+${digits.length === 10 ? `1${digits}` : digits}`;
}

/** Tags without repeats, compared case-insensitively, first spelling kept. */
function dedupe(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of tags.map((x) => x.trim()).filter((x) => x !== ""))
    if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()];
}

/** A 20-character id like GoHighLevel's. */
function ghlId(): string {
  return randomBytes(15).toString("base64url").slice(0, 20);
}
