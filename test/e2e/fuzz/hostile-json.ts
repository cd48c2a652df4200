/**
 * Hostile JSON for fuzzing: a value tree that can hold verbatim JSON text (deep nesting, NaN, bad
 * escapes) and raw bytes (invalid UTF-8), own `__proto__` keys, and the strings that break parsers,
 * databases and prompts.
 */
import fc from "fast-check";
import { injectionText } from "./injection-text.ts";

/** JSON text spliced in verbatim. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A string literal whose content holds raw bytes (e.g. invalid UTF-8) between two texts. */
export class RawBytes {
  constructor(
    readonly before: string,
    readonly bytes: Buffer,
    readonly after: string,
  ) {}
}

export type Wire = null | boolean | number | string | RawJson | RawBytes | Wire[] | { [key: string]: Wire };

/** The request body for `v`: JSON text, with RawJson and RawBytes spliced in as they are. */
export function jsonBody(v: Wire): Buffer {
  const parts: Array<string | Buffer> = [];
  write(v, parts);
  return Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)));
}

function write(v: Wire, out: Array<string | Buffer>): void {
  if (v instanceof RawJson) out.push(v.text);
  else if (v instanceof RawBytes) {
    // One string literal: `"before` + raw bytes + `after"`.
    out.push(JSON.stringify(v.before).slice(0, -1), v.bytes, JSON.stringify(v.after).slice(1));
  } else if (Array.isArray(v)) {
    out.push("[");
    v.forEach((x, i) => {
      if (i > 0) out.push(",");
      write(x, out);
    });
    out.push("]");
  } else if (v !== null && typeof v === "object") {
    out.push("{");
    // Object.keys includes an own "__proto__" key (made by Object.fromEntries), which JSON then carries.
    Object.keys(v).forEach((k, i) => {
      out.push(`${i > 0 ? "," : ""}${JSON.stringify(k)}:`);
      write(v[k] as Wire, out);
    });
    out.push("}");
  } else out.push(JSON.stringify(v) ?? "null"); // lone surrogates come out as "\ud800" escapes
}

/** `depth` nested arrays or objects as JSON text: far deeper than any schema, within the body limit. */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(1_000, 10_000, 25_000), fc.constantFrom("array", "object", "mixed"))
  .map(([depth, kind]) => {
    const open = kind === "array" ? "[" : kind === "object" ? '{"a":' : '[{"a":';
    const close = kind === "array" ? "]" : kind === "object" ? "}" : "}]";
    return new RawJson(`${open.repeat(depth)}${kind === "array" ? "" : "1"}${close.repeat(depth)}`);
  });

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong NUL, encoded surrogates, truncations. */
export const invalidUtf8: fc.Arbitrary<Buffer> = fc
  .array(
    fc.constantFrom(
      [0xff],
      [0xfe],
      [0x80],
      [0xc3],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((seqs) => Buffer.from(seqs.flat()));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Plausible lead words, so hostile parts sit inside text the offline model really reads. */
export const leadSentence: fc.Arbitrary<string> = fc.constantFrom(
  "We want to buy a 3 bed in Austin, pre-approved up to 600k, moving in 2 months",
  "Selling my condo in Denver, hoping to get 450k, need to move by summer",
  "just browsing",
  "hi",
  "Necesitamos vender la casa 🏠 pronto, ¿cuánto vale?",
  "我们想在西雅图买房 👨‍👩‍👧",
  "STOP",
  "Is it a safe neighborhood with good schools?",
);

/** Strings that break things: any code points, lone surrogates, NUL and controls, NaN-like words, sizes at every limit. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .tuple(leadSentence, fc.oneof(loneSurrogate, controlChar, fc.constant("\u0000")), leadSentence)
    .map(([a, bad, b]) => `${a}${bad}${b}`),
  fc.constantFrom(
    "",
    "   ",
    "\t\n",
    "NaN",
    "Infinity",
    "-0",
    "1e999",
    "null",
    "undefined",
    "true",
    "0x1F",
    "[object Object]",
    "__proto__",
    "９９９",
    "\u202Eevil",
    "\uFEFF",
    "<script>alert(1)</script>",
    "'; DROP TABLE contacts; --",
    "\u0024{jndi:ldap://x}", // a Log4Shell lookup, spelled so it is not read as a template placeholder
    "{{7*7}}",
    "%00",
    "../../etc/passwd",
  ),
  fc
    .constantFrom(1, 63, 64, 65, 99, 100, 101, 200, 201, 254, 255, 3_999, 4_000, 4_001, 20_000)
    .map((n) => "x".repeat(n)),
  injectionText,
);

const protoKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty");
/** Objects carrying prototype-pollution keys as own properties. */
export const pollutingObject: fc.Arbitrary<Wire> = fc
  .tuple(protoKeys, fc.constantFrom<Wire>({ polluted: true }, { prototype: { polluted: true } }, "x", null))
  .map(([k, v]) => Object.fromEntries([[k, v]]) as Wire);

/** A value of the wrong type, size, range or shape for any field. */
export const hostileValue: fc.Arbitrary<Wire> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  fc.constantFrom<Wire>(0, -1, 1.5, 1e308, 2 ** 53 + 2, -(2 ** 63), true, false, null, [], {}),
  // Not JSON at all (NaN, hex, leading zeros) or out of double range (1e999 parses to Infinity).
  fc
    .constantFrom(
      "NaN",
      "Infinity",
      "-Infinity",
      "1e999",
      "-1e999",
      "0x10",
      "01",
      "+1",
      ".5",
      "undefined",
      "'x'",
    )
    .map((t) => new RawJson(t)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Wire>,
  deepNesting,
  pollutingObject,
  fc.array(hostileText, { maxLength: 3 }),
  fc.tuple(leadSentence, invalidUtf8, leadSentence).map(([a, b, c]) => new RawBytes(a, b, c)),
);
