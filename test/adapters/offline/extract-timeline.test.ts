import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf, extractTimeline } from "../../../src/adapters/offline/extract-timeline.ts";
import { prepareLeadText } from "../../../src/adapters/offline/lead-text.ts";

const timelineOf = (text: string, referenceMonth?: number) =>
  extractTimeline(prepareLeadText(text).folded, referenceMonth);

describe("extractTimeline", () => {
  it.each([
    ["asap", "0-3m"],
    ["we need to move right away", "0-3m"],
    ["next month", "0-3m"],
    ["within 90 days", "0-3m"],
    ["in a couple of weeks", "0-3m"],
    ["our lease is up soon", "0-3m"],
    ["lo antes posible", "0-3m"],
    ["6 months", "3-6m"],
    ["in six months", "3-6m"],
    ["3-6 months", "3-6m"],
    ["in a few months", "3-6m"],
    ["by summer", "3-6m"],
    ["later this year", "3-6m"],
    ["in a year", "6m+"],
    ["6-12 months", "6m+"],
    ["next year", "6m+"],
    ["next spring", "6m+"],
    ["no rush", "6m+"],
    ["eventually, not in a hurry", "6m+"],
  ])("reads %s as %s", (text, expected) => {
    expect(timelineOf(text)).toBe(expected);
  });

  it.each([
    ["time lived in a home", "we've lived here 10 years"],
    ["the past", "we bought it 2 years ago"],
    ["a loan term", "we have a 30 year mortgage"],
    ["nothing about time", "3 bed 2 bath please"],
  ])("does not mistake %s for a timeline", (_what, text) => {
    expect(timelineOf(text)).toBeUndefined();
  });

  it("prefers a precise phrase to a vague one", () => {
    expect(timelineOf("no rush, but ideally within 3 months")).toBe("0-3m");
  });

  it("reads month names only when it knows the current month", () => {
    expect(timelineOf("we want to move by June")).toBeUndefined();
    expect(timelineOf("we want to move by June", 4)).toBe("0-3m"); // asked in May
    expect(timelineOf("we want to move by June", 1)).toBe("3-6m"); // asked in February
    expect(timelineOf("we want to move by June", 7)).toBe("6m+"); // asked in August: next June
  });

  it("measures seasons from the current month when it knows it", () => {
    expect(timelineOf("this summer", 3)).toBe("0-3m"); // April
    expect(timelineOf("this summer", 6)).toBe("0-3m"); // July: already summer
    expect(timelineOf("by the end of the year", 1)).toBe("6m+");
  });

  it("buckets lead times monotonically: a later move never lands in an earlier bucket", () => {
    const rank = { "0-3m": 0, "3-6m": 1, "6m+": 2, unknown: 3 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(rank[bucketOf(early)]).toBeLessThanOrEqual(rank[bucketOf(late)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 'in <n> months' by the far end of the range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36 }), (n) => {
        expect(timelineOf(`within ${n} months`)).toBe(bucketOf(n));
      }),
      { numRuns: 200 },
    );
  });
});
