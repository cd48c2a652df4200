import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateInputTokens, estimateTokens } from "../../../src/adapters/offline/token-estimate.ts";

describe("estimateTokens", () => {
  it("is one token per four characters, rounded up", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abc")).toBe(1);
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
  });

  it("counts an emoji or a CJK character as one character", () => {
    expect(estimateTokens("🏡🏡🏡🏡")).toBe(1);
    expect(estimateTokens("王伟王伟王")).toBe(2);
  });

  it("is additive within one token per part: est(a + b) <= est(a) + est(b) <= est(a + b) + 1", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const joined = estimateTokens(a + b);
        const parts = estimateTokens(a) + estimateTokens(b);
        expect(joined).toBeLessThanOrEqual(parts);
        expect(parts).toBeLessThanOrEqual(joined + 1);
      }),
      { numRuns: 200 },
    );
  });

  it("sums the system prompt and every message for the input", () => {
    expect(
      estimateInputTokens({
        system: "12345678",
        messages: [
          { role: "user", content: "abcd" },
          { role: "assistant", content: "abcde" },
        ],
      }),
    ).toBe(2 + 1 + 2);
  });
});
