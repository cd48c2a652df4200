import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CacheKeyError,
  type CacheKeyFields,
  cacheKey,
  isValidTenant,
  normalizeEmail,
  normalizeFreeText,
} from "../../src/domain/cache-key.ts";
import { canonicalJsonMapped } from "../../src/domain/cache-key-canonical-json.ts";

const runs = { numRuns: 200 };
const base: CacheKeyFields = {
  tenant: "acme",
  operation: "qualify",
  promptVersion: "qualify-v3",
  model: "claude-haiku-4-5",
  schemaVersion: 2,
  input: { message: "Looking for a 3 bd home in Austin", budgetMax: 450_000 },
};
const tenant = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
const topLevel = ["tenant", "operation", "promptVersion", "model", "schemaVersion"] as const;
const hashOf = (key: string) => key.slice(key.lastIndexOf(":") + 1);

/** Rebuilds `value` with every object's keys inserted in an order drawn from `pick`. */
function shuffleKeys(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, pick));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const shuffled: [string, unknown][] = [];
  while (entries.length > 0) {
    const [entry] = entries.splice(pick(entries.length), 1);
    if (entry) shuffled.push([entry[0], shuffleKeys(entry[1], pick)]);
  }
  return Object.fromEntries(shuffled);
}

/** Every path to a primitive leaf of a JSON value. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [at];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return children.flatMap(([k, v]) => leafPaths(v, [...at, k]));
}

/** A deep copy of `value` with the leaf at `path` replaced by `leaf`. */
function replaceLeaf(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  // defineProperty, not assignment: fast-check may generate a "__proto__" key.
  Object.defineProperty(copy, head, {
    value: replaceLeaf(copy[head], rest, leaf),
    enumerable: true,
    writable: true,
  });
  return copy;
}

describe("cacheKey", () => {
  it("is <tenant>:<operation>:<64 hex digits>", () => {
    expect(cacheKey(base)).toMatch(/^acme:qualify:[0-9a-f]{64}$/);
  });

  it("keeps its format stable (L3 keeps keys for a day; a silent change would empty the cache)", () => {
    expect(cacheKey(base)).toBe(
      "acme:qualify:891f6582a87bfa69c3d417fe055f958073d9a7a167e5740c89e3e1bb8be7058e",
    );
  });

  it.each(["", "Acme", "a:b", "acme*", "-acme", "_acme", "a b", "x".repeat(64)])(
    "rejects tenant %j",
    (bad) => {
      expect(isValidTenant(bad)).toBe(false);
      expect(() => cacheKey({ ...base, tenant: bad })).toThrow(CacheKeyError);
    },
  );

  it.each(["a", "0team", "acme_realty-2", "x".repeat(63)])("accepts tenant %j", (good) => {
    expect(isValidTenant(good)).toBe(true);
    expect(cacheKey({ ...base, tenant: good }).startsWith(`${good}:`)).toBe(true);
  });

  it.each(["", "reply:buyer", "Qualify", "q*"])("rejects operation %j with code invalid_operation", (bad) => {
    expect(() => cacheKey({ ...base, operation: bad })).toThrow(
      expect.objectContaining({ code: "invalid_operation" }),
    );
  });

  it("rejects empty versions or model with code invalid_field", () => {
    for (const patch of [
      { promptVersion: "" },
      { model: "" },
      { schemaVersion: "" },
      { schemaVersion: Number.NaN },
    ]) {
      expect(() => cacheKey({ ...base, ...patch })).toThrow(
        expect.objectContaining({ code: "invalid_field" }),
      );
    }
  });

  it("rejects input with no faithful JSON (a typed CanonicalJsonError)", () => {
    expect(() => cacheKey({ ...base, input: { at: new Date(0) } })).toThrow(
      expect.objectContaining({ code: "unsupported_value" }),
    );
  });

  it("preserves case: 'May' and 'may' are different requests", () => {
    expect(cacheKey({ ...base, input: { month: "May" } })).not.toBe(
      cacheKey({ ...base, input: { month: "may" } }),
    );
  });

  it("never changes when object keys are inserted in another order, at any depth", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.infiniteStream(fc.nat()), (input, stream) => {
        const it = stream[Symbol.iterator]();
        const shuffled = shuffleKeys(input, (n) => (it.next().value as number) % n);
        expect(cacheKey({ ...base, input: shuffled })).toBe(cacheKey({ ...base, input }));
      }),
      runs,
    );
  });

  it("changes when any top-level answer-affecting field changes", () => {
    const fields = fc.record({
      tenant,
      operation: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/),
      promptVersion: fc.string({ minLength: 1 }),
      model: fc.string({ minLength: 1 }),
      schemaVersion: fc.oneof(fc.string({ minLength: 1 }), fc.integer()),
    });
    fc.assert(
      fc.property(fields, fields, fc.constantFrom(...topLevel), (a, b, f) => {
        fc.pre(a[f] !== b[f]);
        const changed = { ...base, ...a, [f]: b[f] };
        expect(cacheKey(changed)).not.toBe(cacheKey({ ...base, ...a }));
        expect(hashOf(cacheKey(changed))).not.toBe(hashOf(cacheKey({ ...base, ...a })));
      }),
      runs,
    );
  });

  it("changes when any leaf of the input changes (beyond whitespace and NFC)", () => {
    const norm = (v: unknown) => canonicalJsonMapped(v, normalizeFreeText);
    fc.assert(
      fc.property(
        fc
          .jsonValue({ maxDepth: 3 })
          .filter((input) => leafPaths(input).length > 0)
          .chain((input) => fc.tuple(fc.constant(input), fc.constantFrom(...leafPaths(input)))),
        fc.oneof(
          fc.string(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          fc.constant(null),
        ),
        ([input, path], leaf) => {
          const changed = replaceLeaf(input, path, leaf);
          fc.pre(norm(changed) !== norm(input));
          expect(cacheKey({ ...base, input: changed })).not.toBe(cacheKey({ ...base, input }));
        },
      ),
      runs,
    );
  });

  it("never gives two tenants the same key, nor even the same hash", () => {
    fc.assert(
      fc.property(tenant, tenant, fc.jsonValue({ maxDepth: 2 }), (a, b, input) => {
        fc.pre(a !== b);
        const ka = cacheKey({ ...base, tenant: a, input });
        const kb = cacheKey({ ...base, tenant: b, input });
        expect(ka.startsWith(`${a}:`) && kb.startsWith(`${b}:`)).toBe(true);
        expect(hashOf(ka)).not.toBe(hashOf(kb));
      }),
      runs,
    );
  });

  it("gives whitespace and NFC/NFD variants of free text the same key, at any depth", () => {
    const char = fc.constantFrom("a", "Z", "7", "é", "ñ", "Ü", "Å", "ệ", "가", "東", "🏠", "-");
    const word = fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(""));
    const space = fc.array(fc.constantFrom(" ", "\t", "\n", "\r\n", "\u00a0", "\u3000"), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 6 }), space, (parts, lead) => {
        const tidy = parts.map(([w]) => w).join(" ");
        const messy = (lead.join("") + parts.map(([w, s]) => w + s.join("")).join("")).normalize("NFD");
        expect(normalizeFreeText(messy)).toBe(tidy);
        const k = (text: string) => cacheKey({ ...base, input: { lead: { notes: [text] }, text } });
        expect(k(messy)).toBe(k(tidy));
      }),
      runs,
    );
  });
});

describe("normalizeFreeText / normalizeEmail", () => {
  it("composes to NFC, trims and collapses whitespace runs, keeping case", () => {
    expect(normalizeFreeText("  Cafe\u0301 \t\n in  SoHo  ")).toBe("Café in SoHo");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeFreeText(s);
        expect(normalizeFreeText(once)).toBe(once);
      }),
      runs,
    );
  });

  it("lower-cases email addresses as well", () => {
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
  });
});
