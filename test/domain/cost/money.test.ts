import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidCostInputError } from "../../../src/domain/cost/cost-errors.ts";
import { divideRoundHalfUp, formatUsd, picosToMicros } from "../../../src/domain/cost/money.ts";

describe("rounding pico-dollars to micro-dollars", () => {
  it("rounds half up", () => {
    expect(picosToMicros(499_999n)).toBe(0);
    expect(picosToMicros(500_000n)).toBe(1);
    expect(picosToMicros(1_499_999n)).toBe(1);
    expect(picosToMicros(2_500_000n)).toBe(3);
  });

  it("rounds a negative tie towards +∞ too", () => {
    expect(divideRoundHalfUp(-5n, 2n)).toBe(-2n);
    expect(divideRoundHalfUp(-7n, 2n)).toBe(-3n);
  });

  it("refuses an amount a number cannot hold exactly", () => {
    expect(() => picosToMicros(BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n + 1_000_000n)).toThrow(
      InvalidCostInputError,
    );
  });

  it("is never more than half a micro-dollar off the exact amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), (picos) => {
        const error = picos - BigInt(picosToMicros(picos)) * 1_000_000n;
        expect(error >= -500_000n && error < 500_000n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("formatting micro-dollars as US dollars", () => {
  it.each([
    [32_000, "$0.032"],
    [24_000, "$0.024"],
    [300_000_000, "$300.00"],
    [35_790_000, "$35.79"],
    [7_926_300_000, "$7,926.30"],
    [1_690_000_000, "$1,690.00"],
    [0, "$0.00"],
    [1, "$0.000001"],
    [-5, "-$0.000005"],
  ])("shows %i µ$ as %s", (micros, text) => {
    expect(formatUsd(micros)).toBe(text);
  });

  it("rejects a fractional amount", () => {
    expect(() => formatUsd(0.5)).toThrow(InvalidCostInputError);
  });

  it("loses nothing: the text parses back to the same micro-dollars", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (micros) => {
        const text = formatUsd(micros);
        const [whole, fraction] = text.replace(/[-$,]/g, "").split(".") as [string, string];
        const back = Number(whole) * 1_000_000 + Number(fraction.padEnd(6, "0"));
        expect(text.startsWith("-") ? -back : back).toBe(micros);
      }),
      { numRuns: 300 },
    );
  });
});
