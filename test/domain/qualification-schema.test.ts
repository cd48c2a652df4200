import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FINANCING_OPTIONS,
  INTENTS,
  MAX_TEXT_LENGTH,
  PROPERTY_CONDITIONS,
  QUALIFICATION_JSON_SCHEMA,
  QUALIFICATION_SCHEMA_VERSION,
  storableText,
  TIMELINES,
  validateQualification,
} from "../../src/domain/qualification-schema.ts";
import type { Qualification } from "../../src/ports/qualification.ts";
import { qualificationArb } from "./qualification-arbitrary.ts";

const base = { intent: "buy", intentConfidence: 0.9, timeline: "0-3m", financing: "pre_approved" };

function valid(input: unknown): Qualification {
  const r = validateQualification(input);
  if (!r.ok) throw new Error(`expected valid, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errorPaths(input: unknown): string[] {
  const r = validateQualification(input);
  return r.ok ? [] : r.errors.map((e) => e.path);
}

describe("validateQualification: accepts the contract", () => {
  it("property: every valid Qualification round-trips through JSON to an equal value", () => {
    fc.assert(
      fc.property(qualificationArb, (q) => {
        expect(validateQualification(JSON.parse(JSON.stringify(q)))).toEqual({ ok: true, value: q });
      }),
      { numRuns: 200 },
    );
  });

  it("property: any object never throws, and what it accepts validates to itself", () => {
    const keys = Object.keys(QUALIFICATION_JSON_SCHEMA.properties as object);
    const loose = fc.dictionary(fc.constantFrom(...keys, "extra"), fc.jsonValue(), { maxKeys: 16 });
    fc.assert(
      fc.property(fc.oneof(loose, fc.anything()), (input) => {
        const r = validateQualification(input);
        if (r.ok) expect(validateQualification(r.value)).toEqual(r);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("reads a minimal answer and fills missing or null timeline and financing with unknown", () => {
    expect(valid({ intent: "browsing", intentConfidence: 0.4 })).toEqual({
      intent: "browsing",
      intentConfidence: 0.4,
      timeline: "unknown",
      financing: "unknown",
    });
    expect(valid({ intent: "sell", intentConfidence: 1, timeline: null, financing: null }).timeline).toBe(
      "unknown",
    );
  });

  it("drops null, blank and unknown extra fields", () => {
    const q = valid({
      ...base,
      budgetMin: null,
      location: "   ",
      summary: "",
      hasAgent: null,
      crm: { id: 7 },
    });
    expect(q).toEqual(base);
    expect(Object.keys(q)).toEqual(["intent", "intentConfidence", "timeline", "financing"]);
  });

  it("ignores case and separators in enum values", () => {
    const q = valid({ ...base, intent: " Buy ", financing: "Pre-Approved", propertyCondition: "needs work" });
    expect([q.intent, q.financing, q.propertyCondition]).toEqual(["buy", "pre_approved", "needs_work"]);
  });

  it.each([
    ["450000", 450_000],
    ["$450,000", 450_000],
    ["$450k", 450_000],
    ["1.2M", 1_200_000],
    ["$1,250,000.49", 1_250_000],
    [449_999.6, 450_000],
  ])("reads the dollar amount %j as %d", (input, dollars) => {
    expect(valid({ ...base, budgetMax: input }).budgetMax).toBe(dollars);
  });

  it("reads plain numeric strings and yes/no booleans", () => {
    const q = valid({ ...base, intentConfidence: "0.75", bedrooms: "3", hasAgent: "No" });
    expect([q.intentConfidence, q.bedrooms, q.hasAgent]).toEqual([0.75, 3, false]);
  });

  it("trims strings and cuts them to the length bound without splitting a surrogate pair", () => {
    expect(valid({ ...base, location: "  Austin, TX \n" }).location).toBe("Austin, TX");
    expect(valid({ ...base, summary: "a".repeat(800) }).summary).toHaveLength(MAX_TEXT_LENGTH);
    const emoji = valid({ ...base, summary: `${"a".repeat(MAX_TEXT_LENGTH - 1)}😀tail` }).summary ?? "";
    expect(emoji).toBe("a".repeat(MAX_TEXT_LENGTH - 1));
  });
});

describe("validateQualification: rejects what is not a qualification", () => {
  it.each([null, [], "buy", 42, undefined])("rejects %j as not an object", (input) => {
    expect(validateQualification(input)).toEqual({
      ok: false,
      errors: [{ path: "", message: "expected a JSON object" }],
    });
  });

  it.each([
    [{ intentConfidence: 0.9 }, ["intent"]],
    [{ intent: "buy" }, ["intentConfidence"]],
    [{ ...base, intent: "rent" }, ["intent"]],
    [{ ...base, intentConfidence: 1.5 }, ["intentConfidence"]],
    [{ ...base, intentConfidence: -0.1 }, ["intentConfidence"]],
    [{ ...base, intentConfidence: "high" }, ["intentConfidence"]],
    [{ ...base, timeline: "soon" }, ["timeline"]],
    [{ ...base, budgetMin: -5 }, ["budgetMin"]],
    [{ ...base, budgetMin: "about 450k" }, ["budgetMin"]],
    [{ ...base, budgetMax: Number.POSITIVE_INFINITY }, ["budgetMax"]],
    [{ ...base, priceExpectation: 1e15 }, ["priceExpectation"]],
    [{ ...base, budgetMin: 700_000, budgetMax: 500_000 }, ["budgetMax"]],
    [{ ...base, bedrooms: 2.5 }, ["bedrooms"]],
    [{ ...base, location: 78701 }, ["location"]],
    [{ ...base, hasAgent: "maybe" }, ["hasAgent"]],
    [{ ...base, propertyCondition: ["good"] }, ["propertyCondition"]],
  ])("rejects %j at %j", (input, paths) => {
    expect(errorPaths(input)).toEqual(paths);
  });

  it("reports every problem at once, each with a message", () => {
    const r = validateQualification({ intent: 3, intentConfidence: 2, financing: "loan", summary: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(["intent", "intentConfidence", "financing", "summary"]);
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
  });
});

describe("QUALIFICATION_JSON_SCHEMA: the forced tool's input schema", () => {
  const schema = QUALIFICATION_JSON_SCHEMA as {
    $schema: string;
    type: string;
    properties: Record<string, Record<string, unknown>>;
    required: string[];
    additionalProperties: boolean;
  };

  it("is a closed draft 2020-12 object schema requiring the four core fields", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["intent", "intentConfidence", "timeline", "financing"]);
  });

  it("lists exactly the enum values the validator accepts", () => {
    expect(schema.properties.intent?.enum).toEqual([...INTENTS]);
    expect(schema.properties.timeline?.enum).toEqual([...TIMELINES]);
    expect(schema.properties.financing?.enum).toEqual([...FINANCING_OPTIONS]);
    expect(schema.properties.propertyCondition?.enum).toEqual([...PROPERTY_CONDITIONS]);
  });

  it("property: every valid Qualification conforms to the schema", () => {
    fc.assert(
      fc.property(qualificationArb, (q) => {
        expect(schemaViolations(schema, q)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("cannot be mutated by a caller", () => {
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.properties.intent)).toBe(true);
  });

  it("has a non-empty version for cache keys", () => {
    expect(QUALIFICATION_SCHEMA_VERSION).toMatch(/\S/);
  });
});

/** The subset of JSON Schema the qualification schema uses, checked by hand. */
function schemaViolations(schema: typeof QUALIFICATION_JSON_SCHEMA, value: object): string[] {
  const s = schema as { properties: Record<string, Record<string, unknown>>; required: string[] };
  const out: string[] = s.required.filter((k) => !(k in value));
  for (const [key, v] of Object.entries(value)) {
    const p = s.properties[key];
    if (!p) {
      out.push(`${key}: not in schema`);
      continue;
    }
    const typeOk =
      p.type === "integer"
        ? Number.isInteger(v)
        : p.type === "number"
          ? typeof v === "number"
          : typeof v === p.type;
    if (!typeOk) out.push(`${key}: not ${p.type}`);
    if (Array.isArray(p.enum) && !p.enum.includes(v)) out.push(`${key}: not in enum`);
    if (typeof p.minimum === "number" && (v as number) < p.minimum) out.push(`${key}: below minimum`);
    if (typeof p.maximum === "number" && (v as number) > p.maximum) out.push(`${key}: above maximum`);
    if (typeof p.maxLength === "number" && [...(v as string)].length > p.maxLength)
      out.push(`${key}: too long`);
  }
  return out;
}

/** encodeURIComponent throws on an unpaired surrogate: a well-formedness check for ES2023. */
const wellFormed = (s: string): boolean => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

describe("storable text", () => {
  it("property: a validated qualification never carries NUL or an unpaired surrogate (PostgreSQL cannot store them)", () => {
    const hostile = fc.string({
      unit: fc.constantFrom("a", " ", "\u0000", "\uD800", "\uDC00", "\uD83D\uDE00", "é"),
      maxLength: 60,
    });
    fc.assert(
      fc.property(hostile, hostile, (summary, location) => {
        const r = validateQualification({ intent: "buy", intentConfidence: 0.8, summary, location });
        if (!r.ok) return true;
        const texts = [r.value.summary ?? "", r.value.location ?? ""].join("");
        return !texts.includes("\u0000") && wellFormed(texts);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps emoji and accented letters while dropping NUL and lone surrogates", () => {
    expect(storableText("Zoë\u0000 🏡\uD800!")).toBe("Zoë 🏡!");
  });
});
