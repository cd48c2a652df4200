import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  centredCut,
  countStatuses,
  overallStats,
  PHASES,
  phaseAt,
  phaseStats,
  type RequestSample,
} from "../../../bench/soak/phase-timeline.ts";

const sample = (atMs: number, status = 200, latencyMs = 10): RequestSample => ({ atMs, latencyMs, status });

describe("soak phase timeline", () => {
  it("centres the cut: a 120 s run with a 20 s cut is cut from 50 s to 70 s", () => {
    expect(centredCut(120_000, 20_000)).toEqual({ startMs: 50_000, endMs: 70_000 });
  });

  it("refuses a cut as long as the run, or empty", () => {
    expect(() => centredCut(10_000, 10_000)).toThrow(TypeError);
    expect(() => centredCut(10_000, 0)).toThrow(TypeError);
  });

  it("files a response under the phase in which it completed (the cut's start is 'during', its end 'after')", () => {
    const cut = { startMs: 100, endMs: 200 };
    expect([0, 99, 100, 199, 200, 10_000].map((t) => phaseAt(t, cut))).toEqual([
      "before",
      "before",
      "during",
      "during",
      "after",
      "after",
    ]);
  });

  it("counts non-2xx and missing responses as errors, and leaves missing ones out of the latency", () => {
    const cut = { startMs: 1_000, endMs: 2_000 };
    const stats = phaseStats(
      [sample(10, 200, 5), sample(20, 503, 7), sample(1_500, 0, 0), sample(1_600, 200, 40), sample(2_500)],
      cut,
      3_000,
    );
    expect(stats.map((s) => [s.phase, s.requests, s.errors])).toEqual([
      ["before", 2, 1],
      ["during", 2, 1],
      ["after", 1, 0],
    ]);
    expect(stats[1]?.p99Ms).toBe(40);
    expect(stats[0]?.throughputRps).toBe(2);
  });

  it("sums the whole run: errors, throughput over its duration, latency of the answered requests only", () => {
    const samples = [sample(10, 200, 5), sample(20, 0, 0), sample(30, 503, 9), sample(40, 200, 20)];
    expect(overallStats(samples, 2_000)).toMatchObject({
      requests: 4,
      errors: 2,
      throughputRps: 2,
      maxMs: 20,
    });
    expect(countStatuses(samples)).toEqual({ 0: 1, 200: 2, 503: 1 });
    expect(overallStats([], 1_000)).toMatchObject({ requests: 0, p99Ms: null });
  });

  it("property: every sample lands in exactly one phase, and the phases' durations add up to the run", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 600 }).chain((runS) =>
          fc.tuple(
            fc.constant(runS * 1000),
            fc.integer({ min: 1, max: runS - 1 }).map((s) => s * 1000),
            fc.array(
              fc.record({
                atMs: fc.integer({ min: 0, max: runS * 1000 }),
                latencyMs: fc.double({ min: 0, max: 10_000, noNaN: true }),
                status: fc.constantFrom(0, 200, 429, 500, 503),
              }),
              { maxLength: 200 },
            ),
          ),
        ),
        ([runMs, cutMs, samples]) => {
          const stats = phaseStats(samples, centredCut(runMs, cutMs), runMs);
          expect(stats.map((s) => s.phase)).toEqual([...PHASES]);
          expect(stats.reduce((n, s) => n + s.requests, 0)).toBe(samples.length);
          expect(stats.reduce((n, s) => n + s.errors, 0)).toBe(
            samples.filter((s) => s.status < 200 || s.status >= 300).length,
          );
          expect(stats.reduce((n, s) => n + s.durationMs, 0)).toBe(runMs);
          expect(stats[1]?.durationMs).toBe(cutMs);
        },
      ),
      { numRuns: 200 },
    );
  });
});
