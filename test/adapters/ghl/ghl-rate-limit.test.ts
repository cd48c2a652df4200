import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rateLimitWaitMs, readRateLimit } from "../../../src/adapters/ghl/ghl-rate-limit.ts";

const NOW = Date.UTC(2026, 1, 14, 9, 0, 0);

function budget(remaining: string, max: string, interval: string): Headers {
  return new Headers({
    "X-RateLimit-Remaining": remaining,
    "X-RateLimit-Max": max,
    "X-RateLimit-Interval-Milliseconds": interval,
  });
}

describe("readRateLimit", () => {
  it("reads the three burst headers", () => {
    expect(readRateLimit(budget("42", "100", "10000"))).toEqual({
      remaining: 42,
      max: 100,
      intervalMs: 10_000,
    });
  });

  it("is undefined unless all three are whole numbers", () => {
    expect(readRateLimit(new Headers({ "X-RateLimit-Remaining": "5" }))).toBeUndefined();
    expect(readRateLimit(budget("5", "100", "soon"))).toBeUndefined();
    expect(readRateLimit(budget("-1", "100", "10000"))).toBeUndefined();
  });

  it("property: any whole numbers sent come back as they were", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (remaining, max, interval) => {
        expect(readRateLimit(budget(String(remaining), String(max), String(interval)))).toEqual({
          remaining,
          max,
          intervalMs: interval,
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("rateLimitWaitMs", () => {
  it("prefers Retry-After, in seconds or as an HTTP date", () => {
    const headers = budget("0", "100", "10000");
    headers.set("Retry-After", "4");
    expect(rateLimitWaitMs(headers, NOW)).toBe(4_000);
    headers.set("Retry-After", new Date(NOW + 2_000).toUTCString());
    expect(rateLimitWaitMs(headers, NOW)).toBe(2_000);
  });

  it("falls back to one whole window, the longest the burst limit can hold", () => {
    expect(rateLimitWaitMs(budget("0", "100", "10000"), NOW)).toBe(10_000);
  });

  it("is undefined when nothing says how long", () => {
    expect(rateLimitWaitMs(new Headers(), NOW)).toBeUndefined();
  });

  it("property: whatever Retry-After holds, the wait is undefined or a non-negative whole number", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.nat(), { nil: undefined }), (retryAfter, interval) => {
        const headers = new Headers();
        // Headers refuse some characters; those inputs say nothing about the parser.
        try {
          headers.set("Retry-After", retryAfter);
        } catch {
          return;
        }
        if (interval !== undefined) headers.set("X-RateLimit-Interval-Milliseconds", String(interval));
        const wait = rateLimitWaitMs(headers, NOW);
        if (wait !== undefined) {
          expect(Number.isInteger(wait)).toBe(true);
          expect(wait).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
