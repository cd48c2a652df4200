import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../../../src/adapters/claude/retry-after.ts";

const NOW = Date.UTC(2026, 1, 14, 12, 0, 0);
const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name];

describe("retryAfterMs", () => {
  it("reads whole and fractional seconds from retry-after", () => {
    expect(retryAfterMs(headers({ "retry-after": "3" }), NOW)).toBe(3_000);
    expect(retryAfterMs(headers({ "retry-after": "0.25" }), NOW)).toBe(250);
  });

  it("reads an HTTP date relative to now, and a past date as zero", () => {
    const later = new Date(NOW + 90_000).toUTCString();
    const earlier = new Date(NOW - 90_000).toUTCString();
    expect(retryAfterMs(headers({ "retry-after": later }), NOW)).toBe(90_000);
    expect(retryAfterMs(headers({ "retry-after": earlier }), NOW)).toBe(0);
  });

  it("is undefined when neither header is there or readable", () => {
    expect(retryAfterMs(headers({}), NOW)).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after": "soon" }), NOW)).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after": "-5" }), NOW)).toBeUndefined();
  });

  it("property: retry-after of n seconds means n×1000 ms", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (n) => {
        expect(retryAfterMs(headers({ "retry-after": String(n) }), NOW)).toBe(n * 1000);
      }),
      { numRuns: 200 },
    );
  });

  it("property: retry-after-ms wins over retry-after whenever it is readable", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 0, max: 600 }), (ms, s) => {
        expect(retryAfterMs(headers({ "retry-after-ms": String(ms), "retry-after": String(s) }), NOW)).toBe(
          ms,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("property: any header text gives undefined or a finite, non-negative whole number", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (ms, s) => {
          const h: Record<string, string> = {};
          if (ms !== undefined) h["retry-after-ms"] = ms;
          if (s !== undefined) h["retry-after"] = s;
          const wait = retryAfterMs(headers(h), NOW);
          if (wait !== undefined) {
            expect(Number.isInteger(wait)).toBe(true);
            expect(wait).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
