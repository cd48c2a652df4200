import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CanonicalJsonError,
  canonicalJson,
  canonicalJsonMapped,
} from "../../src/domain/cache-key-canonical-json.ts";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CanonicalJsonError ? e.code : "not a CanonicalJsonError";
  }
  return undefined;
}

describe("canonicalJson", () => {
  it("sorts object keys at every depth, keeps array order and writes no whitespace", () => {
    const value = { b: 1, a: [3, { d: "y", c: "x" }, 1], c: { z: true, y: null } };
    expect(canonicalJson(value)).toBe('{"a":[3,{"c":"x","d":"y"},1],"b":1,"c":{"y":null,"z":true}}');
  });

  it("drops undefined fields and writes undefined array items as null, like JSON", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it("escapes strings and keys exactly as JSON does", () => {
    expect(canonicalJson({ 'q"k': 'line\nbreak "quoted" \u0001' })).toBe(
      JSON.stringify({ 'q"k': 'line\nbreak "quoted" \u0001' }),
    );
  });

  it("accepts the same object twice in one value (shared, not circular)", () => {
    const shared = { n: 1 };
    expect(canonicalJson([shared, { s: shared }])).toBe('[{"n":1},{"s":{"n":1}}]');
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 2;
    bare.a = 1;
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it.each([
    ["NaN", { a: Number.NaN }, "non_finite_number"],
    ["Infinity", [Number.POSITIVE_INFINITY], "non_finite_number"],
    ["a function", { f: () => 1 }, "unsupported_value"],
    ["a symbol", { s: Symbol("x") }, "unsupported_value"],
    ["a bigint", { n: 1n }, "unsupported_value"],
    ["a Date", { at: new Date(0) }, "unsupported_value"],
    ["a Map", { m: new Map([["a", 1]]) }, "unsupported_value"],
    ["undefined at the top", undefined, "unsupported_value"],
  ])("rejects %s with a typed error", (_what, value, code) => {
    expect(codeOf(() => canonicalJson(value))).toBe(code);
  });

  it("rejects a circular reference", () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(codeOf(() => canonicalJson(loop))).toBe("circular_reference");
  });

  it("applies the string mapper to string values only, never to keys", () => {
    expect(canonicalJsonMapped({ Key: ["Ab", { In: "Cd" }] }, (s) => s.toLowerCase())).toBe(
      '{"Key":["ab",{"In":"cd"}]}',
    );
  });

  it("parses back to a value deep-equal to the input (for JSON values)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 200 },
    );
  });
});
