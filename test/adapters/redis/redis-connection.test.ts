import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CacheTierError, toCacheTierError } from "../../../src/adapters/redis/cache-tier-error.ts";
import { escapeGlob } from "../../../src/adapters/redis/glob-pattern.ts";
import { reconnectDelay } from "../../../src/adapters/redis/redis-connection.ts";

describe("reconnectDelay", () => {
  it("doubles from 50 ms and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => reconnectDelay(n, 2_000, 1))).toEqual([
      50, 100, 200, 400, 800, 1_600, 2_000,
    ]);
    expect(reconnectDelay(1_000, 2_000, 1)).toBe(2_000);
  });

  it("property: stays within [half, all] of the capped exponential, whatever the jitter draw", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 50, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, maxMs, u) => {
          const base = Math.min(maxMs, 50 * 2 ** Math.min(attempt - 1, 30));
          const delay = reconnectDelay(attempt, maxMs, u);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base / 2));
          expect(delay).toBeLessThanOrEqual(maxMs);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("toCacheTierError", () => {
  it("maps ioredis's command timeout to 'timeout' and everything else to 'unavailable'", () => {
    expect(toCacheTierError("L2", "get", new Error("Command timed out")).code).toBe("timeout");
    const refused = toCacheTierError(
      "L2",
      "get",
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
    );
    expect(refused).toMatchObject({ code: "unavailable", tier: "L2", name: "CacheTierError" });
    expect(refused.message).toContain("L2: get failed");
    expect(refused.cause).toBeInstanceOf(Error);
  });

  it("passes a CacheTierError through unchanged", () => {
    const original = new CacheTierError("timeout", "L2", "slow");
    expect(toCacheTierError("L2", "get", original)).toBe(original);
  });
});

describe("escapeGlob", () => {
  it("backslash-escapes * ? [ ] and \\ and nothing else", () => {
    expect(escapeGlob("a*b?c[d]e\\f^g-h:é")).toBe("a\\*b\\?c\\[d\\]e\\\\f^g-h:é");
  });

  it("property: removing the escapes gives back the original", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeGlob(s).replace(/\\(.)/gs, "$1")).toBe(s);
      }),
      { numRuns: 200 },
    );
  });
});
