import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../bench/report/build-report.ts";
import {
  canonicalize,
  NonFiniteNumberError,
  renderJson,
  renderMetaJson,
  roundNumber,
} from "../../bench/report/render-json.ts";
import { publishedLikeResults, realRunResults } from "./fixtures.ts";

/** A deep copy of `value` with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe("report.json", () => {
  it("is byte-identical for the same results", () => {
    expect(renderJson(buildReport(publishedLikeResults()))).toBe(
      renderJson(buildReport(publishedLikeResults())),
    );
  });

  it("does not depend on the key order of the runners' objects", () => {
    const results = publishedLikeResults();
    const shuffled = reverseKeys(results) as typeof results;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(results));
    expect(renderJson(buildReport(shuffled))).toBe(renderJson(buildReport(results)));
  });

  it("changes when a figure changes", () => {
    const results = realRunResults();
    const slower = { ...results, orchestration: { ...results.orchestration, iterations: 999 } };
    expect(renderJson(buildReport(slower))).not.toBe(renderJson(buildReport(results)));
  });

  it("holds no run metadata; meta.json holds it, keys sorted", () => {
    const json = renderJson(buildReport(realRunResults()));
    expect(json).not.toMatch(/startedAt|hostname|nodeVersion/);
    const meta = renderMetaJson({
      startedAt: "2026-02-14T00:00:00.000Z",
      finishedAt: "2026-02-14T00:00:01.000Z",
      wallTimeMs: 1_000,
      nodeVersion: "v20.0.0",
      platform: "linux",
      arch: "x64",
      hostname: "bench",
      cpuModel: "cpu",
      cpus: 4,
    });
    expect(Object.keys(JSON.parse(meta))).toEqual([
      "arch",
      "cpuModel",
      "cpus",
      "finishedAt",
      "hostname",
      "nodeVersion",
      "platform",
      "startedAt",
      "wallTimeMs",
    ]);
  });

  it("ends in one newline, sorts keys and rounds numbers to six decimals", () => {
    const json = renderJson(buildReport(publishedLikeResults()));
    expect(json.endsWith("}\n")).toBe(true);
    expect(canonicalize({ b: 1.23456789, a: [{ d: -0, c: 1e-9 }], u: undefined })).toEqual({
      a: [{ c: 0, d: 0 }],
      b: 1.234568,
    });
    expect(JSON.stringify(canonicalize({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it("refuses NaN and Infinity, naming where they are", () => {
    expect(() => canonicalize({ cache: { p99: Number.NaN } })).toThrow(NonFiniteNumberError);
    expect(() => canonicalize({ x: [1, Number.POSITIVE_INFINITY] })).toThrow("$.x[1] is Infinity");
  });

  it("canonical form ignores key order and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string(),
          fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean()),
        ),
        (dict) => {
          const once = canonicalize(dict);
          expect(JSON.stringify(canonicalize(reverseKeys(dict)))).toBe(JSON.stringify(once));
          expect(JSON.stringify(canonicalize(once))).toBe(JSON.stringify(once));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rounding to six decimals moves a number by at most half a millionth", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(Math.abs(roundNumber(x) - x)).toBeLessThanOrEqual(5e-7 + Number.EPSILON * Math.abs(x) * 4);
      }),
      { numRuns: 200 },
    );
  });
});
