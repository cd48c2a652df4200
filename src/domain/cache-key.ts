/**
 * The cache key: `<tenant>:<operation>:<sha256 hex>`, where the hash covers every field that changes
 * the answer — tenant, operation, prompt version, model, schema version and the canonical JSON of the
 * input. Leaving any of them out would let two different answers share a key (a false hit).
 *
 * Tenants match /^[a-z0-9][a-z0-9_-]{0,62}$/ and operations /^[a-z0-9][a-z0-9_.-]{0,62}$/: neither can
 * hold a colon, so `<tenant>:` (and `<tenant>:<operation>:`) prefixes are unambiguous, and neither can
 * hold a glob character, so tiers can match prefixes safely (Redis SCAN MATCH, SQL LIKE).
 *
 * Free text in the input is normalised before hashing (every string value, at any depth; object keys
 * are left alone): Unicode NFC, trim, and every run of whitespace collapsed to one space. Case is
 * preserved: "May" and "may", or "US" and "us", can mean different things, and a false cache hit (a
 * wrong answer served) is worse than a miss (one more model call). Callers that know a field is
 * case-insensitive (an email address) normalise it first, e.g. with `normalizeEmail`.
 */
import * as crypto from "node:crypto";
import { canonicalJsonMapped } from "./cache-key-canonical-json.ts";

/** Everything that changes the answer cached under a key. */
export interface CacheKeyFields {
  readonly tenant: string;
  readonly operation: string;
  readonly promptVersion: string;
  readonly model: string;
  readonly schemaVersion: string | number;
  /** The request itself: any JSON-like value (see cache-key-canonical-json.ts for what is accepted). */
  readonly input: unknown;
}

export type CacheKeyErrorCode = "invalid_tenant" | "invalid_operation" | "invalid_field";

/** Thrown for a field no key may be built from; `code` is stable. */
export class CacheKeyError extends Error {
  readonly code: CacheKeyErrorCode;
  constructor(code: CacheKeyErrorCode, message: string) {
    super(message);
    this.name = "CacheKeyError";
    this.code = code;
  }
}

const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const OPERATION = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
// Bumped if the payload layout below ever changes, so old and new keys can never collide.
const KEY_FORMAT = '"eh-cache-key/1"';

// crypto.hash (Node >= 20.12) skips the Hash object and is about twice as fast; older Node 20s lack it.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");

/** True when `tenant` may namespace cache keys: /^[a-z0-9][a-z0-9_-]{0,62}$/. */
export function isValidTenant(tenant: string): boolean {
  return TENANT.test(tenant);
}

/** The cache key `<tenant>:<operation>:<sha256 hex>` of a request (throws CacheKeyError / CanonicalJsonError). */
export function cacheKey(fields: CacheKeyFields): string {
  const { tenant, operation, promptVersion, model, schemaVersion, input } = fields;
  if (!TENANT.test(tenant))
    throw new CacheKeyError("invalid_tenant", `invalid tenant ${JSON.stringify(tenant)}`);
  if (!OPERATION.test(operation)) {
    throw new CacheKeyError("invalid_operation", `invalid operation ${JSON.stringify(operation)}`);
  }
  if (promptVersion === "" || model === "" || schemaVersion === "") {
    throw new CacheKeyError("invalid_field", "promptVersion, model and schemaVersion must not be empty");
  }
  if (typeof schemaVersion === "number" && !Number.isFinite(schemaVersion)) {
    throw new CacheKeyError("invalid_field", "schemaVersion must be a finite number");
  }
  // A canonical JSON array: fixed positions, so no field can be mistaken for another.
  const payload =
    `[${KEY_FORMAT},${JSON.stringify(tenant)},${JSON.stringify(operation)},${JSON.stringify(promptVersion)},` +
    `${JSON.stringify(model)},${JSON.stringify(schemaVersion)},${canonicalJsonMapped(input, normalizeFreeText)}]`;
  return `${tenant}:${operation}:${sha256Hex(payload)}`;
}

// Pure printable ASCII is already NFC; skipping normalize() keeps the common case cheap.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Two whitespace characters in a row, or any whitespace other than a plain space.
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;
const WHITESPACE_RUN = /\s+/g;

/** Free text as the cache key sees it: Unicode NFC, trimmed, whitespace runs collapsed to one space; case kept. */
export function normalizeFreeText(text: string): string {
  const nfc = PRINTABLE_ASCII.test(text) ? text : text.normalize("NFC");
  const trimmed = nfc.trim();
  return NEEDS_COLLAPSE.test(trimmed) ? trimmed.replace(WHITESPACE_RUN, " ") : trimmed;
}

/** An email address for keys and identity: free-text normalised, then lower-cased (mail providers ignore case). */
export function normalizeEmail(email: string): string {
  return normalizeFreeText(email).toLowerCase();
}
