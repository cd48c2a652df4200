import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchmarkPair } from "../../../bench/load/micro-bench.ts";
import { comparison, ratio } from "../../../bench/load/peer-ratio.ts";
import { summarize } from "../../../src/domain/percentiles.ts";

describe("benchmarkPair", () => {
  it("times `iterations` calls per side after an untimed warm-up, each index used once", async () => {
    const seen = { ours: [] as number[], peer: [] as number[] };
    const pair = await benchmarkPair(
      async (i) => {
        seen.ours.push(i);
      },
      (i) => {
        seen.peer.push(i);
      },
      { warmup: 5, iterations: 42, rounds: 4 },
    );
    expect(pair.ours.count).toBe(42);
    expect(pair.peer.count).toBe(42);
    expect(seen.ours).toEqual(Array.from({ length: 47 }, (_, i) => i));
    expect(seen.peer).toEqual(Array.from({ length: 47 }, (_, i) => i));
    expect(pair.ours.min).toBeGreaterThan(0);
  });

  it("alternates which side goes first in each round", async () => {
    const trace: string[] = [];
    await benchmarkPair(
      () => trace.push("o"),
      () => trace.push("p"),
      { warmup: 0, iterations: 4, rounds: 4 },
    );
    expect(trace.join("")).toBe("oppoopp" + "o");
  });

  it("measures a slower side as slower", async () => {
    const pair = await benchmarkPair(
      () => new Promise((resolve) => setTimeout(resolve, 2)),
      () => undefined,
      { warmup: 0, iterations: 8, rounds: 2 },
    );
    expect(pair.ours.p50).toBeGreaterThan(pair.peer.p50);
    expect(pair.ours.min).toBeGreaterThanOrEqual(1_000); // microseconds
  });

  it("refuses plans it cannot run", async () => {
    const noop = () => undefined;
    await expect(benchmarkPair(noop, noop, { warmup: -1, iterations: 4 })).rejects.toThrow(TypeError);
    await expect(benchmarkPair(noop, noop, { warmup: 0, iterations: 3, rounds: 4 })).rejects.toThrow(
      TypeError,
    );
    await expect(benchmarkPair(noop, noop, { warmup: 0, iterations: 4, rounds: 0 })).rejects.toThrow(
      TypeError,
    );
  });

  it("lets a failing operation fail the benchmark", async () => {
    const failing = () => {
      throw new Error("expected a hit");
    };
    await expect(
      benchmarkPair(failing, () => undefined, { warmup: 0, iterations: 2, rounds: 1 }),
    ).rejects.toThrow("expected a hit");
  });
});

describe("ratios", () => {
  it("property: a ratio times the peer's figure gives ours back", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (ours, peer) => {
          const r = ratio(ours, peer);
          expect(r).not.toBeNull();
          expect((r ?? 0) * peer).toBeCloseTo(ours, 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("is null where the peer's figure is 0 or a figure is not finite", () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("compares summaries at P50 and P99 as ours ÷ peer", () => {
    const c = comparison(
      "op",
      { ours: "A", peer: "B" },
      "µs",
      summarize([2, 2, 2, 8]),
      summarize([1, 1, 1, 2]),
    );
    expect(c.ratio.p50).toBe(2);
    expect(c.ratio.p99).toBeCloseTo(c.ours.p99 / c.peer.p99, 12);
  });
});
