/**
 * The Qualification contract: the JSON Schema a model is forced to answer with, and the validator that
 * turns untrusted model output into a Qualification.
 *
 * Leniency, decided once (models and people write the same fact several ways):
 * - null or an empty / blank string for an optional field means "not given" and is dropped;
 *   a missing or null `timeline` / `financing` is "unknown" (that is what the model would say).
 * - enum values ignore case and treat spaces / hyphens / underscores alike ("Pre-Approved" → pre_approved).
 * - dollar amounts accept numbers or strings in a strict grammar: "450000", "$450,000", "$450k", "1.2M";
 *   fractions round to whole dollars. Prose ("about 450k") is rejected, never guessed.
 * - other numbers accept plain decimal strings ("0.8", "3"); booleans accept "true"/"false"/"yes"/"no".
 * - strings are trimmed and cut to MAX_TEXT_LENGTH characters (never mid surrogate pair); NUL and unpaired
 *   surrogates (which PostgreSQL text and JSONB cannot store) are dropped.
 * - unknown extra fields are dropped.
 * Strict: a value of the wrong type, an out-of-range number, an unknown enum value, budgetMin > budgetMax.
 */
import type {
  Financing,
  Intent,
  PropertyCondition,
  Qualification,
  Timeline,
} from "../ports/qualification.ts";

/** Version of this contract (schema + rules); part of every qualification cache key. */
export const QUALIFICATION_SCHEMA_VERSION = "qualification-v1";
/** Longest free-text field kept, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 500;
/** Largest dollar amount accepted: anything above is a unit mistake, not a house. */
export const MAX_DOLLARS = 10_000_000_000;
/** Largest bedroom count accepted. */
export const MAX_BEDROOMS = 50;

// Records keyed by each union make the compiler reject a list that misses a member.
type Members<T extends string> = Record<T, true>;
const INTENT_KEYS: Members<Intent> = { buy: true, sell: true, both: true, browsing: true, unknown: true };
const TIMELINE_KEYS: Members<Timeline> = { "0-3m": true, "3-6m": true, "6m+": true, unknown: true };
const FINANCING_KEYS: Members<Financing> = {
  pre_approved: true,
  pre_qualified: true,
  cash: true,
  not_started: true,
  unknown: true,
};
const CONDITION_KEYS: Members<PropertyCondition> = {
  excellent: true,
  good: true,
  fair: true,
  needs_work: true,
  unknown: true,
};

/** Every Intent value. */
export const INTENTS = Object.freeze(Object.keys(INTENT_KEYS) as Intent[]);
/** Every Timeline value. */
export const TIMELINES = Object.freeze(Object.keys(TIMELINE_KEYS) as Timeline[]);
/** Every Financing value. */
export const FINANCING_OPTIONS = Object.freeze(Object.keys(FINANCING_KEYS) as Financing[]);
/** Every PropertyCondition value. */
export const PROPERTY_CONDITIONS = Object.freeze(Object.keys(CONDITION_KEYS) as PropertyCondition[]);

const text = (description: string) => ({ type: "string", maxLength: MAX_TEXT_LENGTH, description });
const dollars = (description: string) => ({ type: "integer", minimum: 0, maximum: MAX_DOLLARS, description });

/** JSON Schema (draft 2020-12) of a Qualification: the input_schema of the model's forced tool. */
export const QUALIFICATION_JSON_SCHEMA: Readonly<Record<string, unknown>> = deepFreeze({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    intent: { type: "string", enum: [...INTENTS], description: "What the lead wants to do." },
    intentConfidence: { type: "number", minimum: 0, maximum: 1, description: "0..1: certainty of intent." },
    timeline: { type: "string", enum: [...TIMELINES], description: "When they want to move." },
    financing: { type: "string", enum: [...FINANCING_OPTIONS], description: "Buyer's financing status." },
    budgetMin: dollars("Buyer's lowest budget, whole US dollars."),
    budgetMax: dollars("Buyer's highest budget, whole US dollars."),
    priceExpectation: dollars("Seller's expected price, whole US dollars."),
    motivation: text("Why they are moving, in their words."),
    location: text("Area, city or neighborhood of interest."),
    propertyType: text("E.g. single-family, condo, townhouse."),
    bedrooms: {
      type: "integer",
      minimum: 0,
      maximum: MAX_BEDROOMS,
      description: "Bedrooms wanted or owned.",
    },
    hasAgent: { type: "boolean", description: "Already working with a real-estate agent." },
    sellerReason: text("Seller's reason for selling."),
    propertyCondition: { type: "string", enum: [...PROPERTY_CONDITIONS], description: "Seller's home." },
    summary: text("One or two sentences for the next bot or a human."),
  },
  required: ["intent", "intentConfidence", "timeline", "financing"],
  additionalProperties: false,
});

/** One reason a value is not a Qualification. `path` is the field name ("" for the value itself). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The outcome of validating untrusted data. */
export type QualificationValidation =
  | { ok: true; value: Qualification }
  | { ok: false; errors: ValidationIssue[] };

/** Validates untrusted data (model output) into a Qualification; reports every problem, never throws. */
export function validateQualification(value: unknown): QualificationValidation {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ path: "", message: "expected a JSON object" }] };
  }
  const r = new FieldReader(value as Record<string, unknown>);
  const q: Qualification = {
    intent: r.oneOf("intent", INTENT_LOOKUP, true) ?? "unknown",
    intentConfidence: r.number("intentConfidence", 1, true) ?? 0,
    timeline: r.oneOf("timeline", TIMELINE_LOOKUP, false) ?? "unknown",
    financing: r.oneOf("financing", FINANCING_LOOKUP, false) ?? "unknown",
  };
  assign(q, "budgetMin", r.dollars("budgetMin"));
  assign(q, "budgetMax", r.dollars("budgetMax"));
  assign(q, "priceExpectation", r.dollars("priceExpectation"));
  assign(q, "motivation", r.text("motivation"));
  assign(q, "location", r.text("location"));
  assign(q, "propertyType", r.text("propertyType"));
  assign(q, "bedrooms", r.wholeNumber("bedrooms", MAX_BEDROOMS));
  assign(q, "hasAgent", r.boolean("hasAgent"));
  assign(q, "sellerReason", r.text("sellerReason"));
  assign(q, "propertyCondition", r.oneOf("propertyCondition", CONDITION_LOOKUP, false));
  assign(q, "summary", r.text("summary"));
  if (q.budgetMin !== undefined && q.budgetMax !== undefined && q.budgetMin > q.budgetMax) {
    r.issues.push({ path: "budgetMax", message: "must be at least budgetMin" });
  }
  return r.issues.length === 0 ? { ok: true, value: q } : { ok: false, errors: r.issues };
}

function assign<K extends keyof Qualification>(
  q: Qualification,
  key: K,
  v: Qualification[K] | undefined,
): void {
  if (v !== undefined) q[key] = v;
}

const SEPARATORS = /[\s_-]+/g;
const canonical = (s: string): string => s.trim().toLowerCase().replace(SEPARATORS, "_");
const lookupOf = <T extends string>(keys: Members<T>): ReadonlyMap<string, T> =>
  new Map((Object.keys(keys) as T[]).map((k) => [canonical(k), k]));
const INTENT_LOOKUP = lookupOf(INTENT_KEYS);
const TIMELINE_LOOKUP = lookupOf(TIMELINE_KEYS);
const FINANCING_LOOKUP = lookupOf(FINANCING_KEYS);
const CONDITION_LOOKUP = lookupOf(CONDITION_KEYS);

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
// Digits with optional thousands commas, optional cents, optional k / m multiplier. No nested quantifiers.
const MONEY = /^\$?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?([km])?$/i;

/** Reads and checks one field at a time, collecting issues. Missing = absent, null or a blank string. */
class FieldReader {
  readonly issues: ValidationIssue[] = [];
  readonly #raw: Record<string, unknown>;
  constructor(raw: Record<string, unknown>) {
    this.#raw = raw;
  }

  #get(path: string, required: boolean): unknown {
    const v = Object.hasOwn(this.#raw, path) ? this.#raw[path] : undefined;
    const missing = v === undefined || v === null || (typeof v === "string" && v.trim() === "");
    if (missing && required) this.#fail(path, "is required");
    return missing ? undefined : v;
  }

  #fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  oneOf<T extends string>(path: string, lookup: ReadonlyMap<string, T>, required: boolean): T | undefined {
    const v = this.#get(path, required);
    if (v === undefined) return undefined;
    if (typeof v !== "string") return this.#fail(path, "expected a string");
    return lookup.get(canonical(v)) ?? this.#fail(path, `expected one of ${[...lookup.values()].join(", ")}`);
  }

  number(path: string, max: number, required: boolean): number | undefined {
    const v = this.#get(path, required);
    if (v === undefined) return undefined;
    const n = typeof v === "string" && PLAIN_NUMBER.test(v.trim()) ? Number(v.trim()) : v;
    if (typeof n !== "number" || !Number.isFinite(n)) return this.#fail(path, "expected a number");
    if (n < 0 || n > max) return this.#fail(path, `must be between 0 and ${max}`);
    return n + 0; // turns -0 into 0
  }

  wholeNumber(path: string, max: number): number | undefined {
    const n = this.number(path, max, false);
    if (n === undefined || Number.isInteger(n)) return n;
    return this.#fail(path, "expected a whole number");
  }

  dollars(path: string): number | undefined {
    const v = this.#get(path, false);
    if (v === undefined) return undefined;
    const n = typeof v === "string" ? parseDollars(v) : v;
    if (typeof n !== "number" || !Number.isFinite(n)) {
      return this.#fail(path, 'expected whole US dollars, e.g. 450000 or "$450k"');
    }
    if (n < 0 || n > MAX_DOLLARS) return this.#fail(path, `must be between 0 and ${MAX_DOLLARS}`);
    return Math.round(n) + 0;
  }

  text(path: string): string | undefined {
    const v = this.#get(path, false);
    if (v === undefined) return undefined;
    if (typeof v !== "string") return this.#fail(path, "expected a string");
    const s = storableText(v).trim();
    if (s.length <= MAX_TEXT_LENGTH) return s;
    const cut = isHighSurrogate(s.charCodeAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
    return s.slice(0, cut).trimEnd();
  }

  boolean(path: string): boolean | undefined {
    const v = this.#get(path, false);
    if (v === undefined || typeof v === "boolean") return v;
    const word = typeof v === "string" ? v.trim().toLowerCase() : undefined;
    if (word === "true" || word === "yes") return true;
    if (word === "false" || word === "no") return false;
    return this.#fail(path, "expected true or false");
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** "$450,000" → 450000, "450k" → 450000, "1.2M" → 1200000; anything else → undefined. */
function parseDollars(s: string): number | undefined {
  const trimmed = s.trim();
  if (trimmed.length > 32) return undefined;
  const m = MONEY.exec(trimmed);
  if (!m) return undefined;
  const base = Number((m[1] ?? "").replaceAll(",", "") + (m[2] ?? ""));
  const unit = m[3]?.toLowerCase();
  return base * (unit === "k" ? 1_000 : unit === "m" ? 1_000_000 : 1);
}

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** `text` without NUL and unpaired UTF-16 surrogates: what PostgreSQL can store, whatever a model wrote. */
export function storableText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what has to go.
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}
