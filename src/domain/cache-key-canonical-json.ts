/**
 * Canonical JSON: one text per value, whatever order its object keys were inserted in, so equal
 * requests hash to equal cache keys (unlike SHA-256 of plain JSON.stringify, where key order leaks in).
 * Object keys are sorted (UTF-16 code-unit order) at every depth, arrays keep their order, fields
 * whose value is undefined are dropped, and there is no whitespace. Array holes and undefined array
 * items become null, as in JSON.
 *
 * Values JSON would silently mangle are rejected instead, since two different inputs sharing one
 * key would be a false cache hit: non-finite numbers, functions, symbols, bigints, class instances
 * (Date, Map, Set... anything but plain objects and arrays) and circular references.
 */

export type CanonicalJsonErrorCode = "non_finite_number" | "unsupported_value" | "circular_reference";

/** Thrown for a value with no faithful canonical JSON; `code` is stable. */
export class CanonicalJsonError extends Error {
  readonly code: CanonicalJsonErrorCode;
  constructor(code: CanonicalJsonErrorCode, message: string) {
    super(message);
    this.name = "CanonicalJsonError";
    this.code = code;
  }
}

/** Maps every string value (not object keys) before it is encoded. */
export type StringMapper = (s: string) => string;

const identity: StringMapper = (s) => s;

/** The canonical JSON text of `value` (see the module comment for the rules). */
export function canonicalJson(value: unknown): string {
  return canonicalJsonMapped(value, identity);
}

/** Canonical JSON of `value` with `mapString` applied to every string value inside it. */
export function canonicalJsonMapped(value: unknown, mapString: StringMapper): string {
  if (value === undefined) throw new CanonicalJsonError("unsupported_value", "undefined has no JSON text");
  return encode(value, mapString, []);
}

function encode(value: unknown, mapString: StringMapper, ancestors: object[]): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(mapString(value));
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError("non_finite_number", `${value} is not JSON`);
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      return encodeContainer(value, mapString, ancestors);
    default:
      // undefined reaches here only as an array item; functions, symbols and bigints never encode.
      if (value === undefined) return "null";
      throw new CanonicalJsonError("unsupported_value", `a ${typeof value} has no JSON text`);
  }
}

function encodeContainer(value: object, mapString: StringMapper, ancestors: object[]): string {
  // Inputs are shallow, so a linear scan of the ancestors beats a Set.
  if (ancestors.includes(value))
    throw new CanonicalJsonError("circular_reference", "the value refers to itself");
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += encode(value[i], mapString, ancestors);
    }
    out += "]";
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new CanonicalJsonError("unsupported_value", `a ${kind} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = "{";
    let first = true;
    for (const key of keys) {
      const field = record[key];
      if (field === undefined) continue;
      out += `${first ? "" : ","}${JSON.stringify(key)}:${encode(field, mapString, ancestors)}`;
      first = false;
    }
    out += "}";
  }
  ancestors.pop();
  return out;
}
