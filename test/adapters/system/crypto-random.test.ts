import { describe, expect, it } from "vitest";
import { CryptoRandom } from "../../../src/adapters/system/crypto-random.ts";

describe("CryptoRandom", () => {
  it("draws floats in [0, 1), past the 1,024-word pool refill", () => {
    const random = new CryptoRandom();
    const draws = Array.from({ length: 5_000 }, () => random.next());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("spreads 100,000 draws evenly over ten buckets (chi-square far under a one-in-ten-million value)", () => {
    const random = new CryptoRandom();
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const b = Math.floor(random.next() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    const chiSquare = buckets.reduce((sum, observed) => sum + (observed - 10_000) ** 2 / 10_000, 0);
    // Unseeded: the bound is loose enough (9 degrees of freedom, p ≈ 1e-7) that chance never trips it.
    expect(chiSquare).toBeLessThan(50);
  });

  it("uses more than 32 bits of resolution", () => {
    const random = new CryptoRandom();
    const fine = Array.from({ length: 100 }, () => random.next()).filter((x) => (x * 2 ** 32) % 1 !== 0);
    expect(fine.length).toBeGreaterThan(90);
  });

  it("gives two instances different sequences", () => {
    const a = new CryptoRandom();
    const b = new CryptoRandom();
    expect(Array.from({ length: 4 }, () => a.next())).not.toEqual(Array.from({ length: 4 }, () => b.next()));
  });
});
