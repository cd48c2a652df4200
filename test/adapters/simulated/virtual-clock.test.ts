import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from "../../../src/adapters/simulated/virtual-clock.ts";

describe("VirtualClock", () => {
  it("starts on 2026-02-14T00:00:00Z by default, or at the time given", () => {
    expect(new Date(new VirtualClock().now()).toISOString()).toBe("2026-02-14T00:00:00.000Z");
    expect(DEFAULT_VIRTUAL_EPOCH_MS).toBe(Date.UTC(2026, 1, 14));
    expect(new VirtualClock(1_000).now()).toBe(1_000);
  });

  it("stands still until told to move", async () => {
    const clock = new VirtualClock(0);
    await Promise.resolve();
    expect(clock.now()).toBe(0);
  });

  it("advances by exactly the amount given, fractions included", () => {
    const clock = new VirtualClock(0);
    clock.advance(0.25);
    clock.advance(10);
    expect(clock.now()).toBe(10.25);
  });

  it("sleeps by advancing virtual time and resolving at once", async () => {
    const clock = new VirtualClock(100);
    await clock.sleep(60_000);
    expect(clock.now()).toBe(60_100);
  });

  it("treats a sleep of 0 or less as no time at all", async () => {
    const clock = new VirtualClock(5);
    await clock.sleep(0);
    await clock.sleep(-10);
    expect(clock.now()).toBe(5);
  });

  it("refuses to run backwards or to a non-number", async () => {
    const clock = new VirtualClock(5);
    expect(() => clock.advance(-1)).toThrow(TypeError);
    expect(() => clock.advance(Number.NaN)).toThrow(TypeError);
    await expect(clock.sleep(Number.NaN)).rejects.toThrow(TypeError);
    expect(() => new VirtualClock(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(clock.now()).toBe(5);
  });

  it("property: after any sequence of sleeps, now = start + their sum", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 1_000_000 })), async (steps) => {
        const clock = new VirtualClock(0);
        for (const ms of steps) await clock.sleep(ms);
        expect(clock.now()).toBe(steps.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 200 },
    );
  });
});
