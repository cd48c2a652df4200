import { describe, expect, it, vi } from "vitest";
import { SystemClock } from "../../../src/adapters/system/system-clock.ts";

describe("SystemClock", () => {
  it("reads the wall clock", () => {
    const before = Date.now();
    const now = new SystemClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("sleeps on a timer: resolves once that much time has passed, not before", async () => {
    vi.useFakeTimers();
    try {
      let woke = false;
      const sleeping = new SystemClock().sleep(1_000).then(() => {
        woke = true;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(woke).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(woke).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("resolves a sleep of 0 or less without a timer", async () => {
    await expect(new SystemClock().sleep(0)).resolves.toBeUndefined();
    await expect(new SystemClock().sleep(-5)).resolves.toBeUndefined();
  });
});
