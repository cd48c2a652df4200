import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SendWindow } from "../../src/domain/crm-send-window.ts";

/** Finish times, non-decreasing, as a sequential sender records them. */
const finishes = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 3_000 }), count: fc.integer({ min: 1, max: 4 }) }), {
    maxLength: 30,
  })
  .map((steps) => {
    let t = 0;
    return steps.map((s) => {
      t += s.gap;
      return { at: t, count: s.count };
    });
  });

function windowWith(limit: number, windowMs: number, recorded: Array<{ at: number; count: number }>) {
  const w = new SendWindow(limit, windowMs);
  for (const r of recorded) w.record(r.count, r.at);
  return w;
}

describe("SendWindow", () => {
  it("allows the limit, then nothing until the oldest request is a whole window old", () => {
    const w = new SendWindow(3, 1_000);
    expect(w.available(0)).toBe(3);
    w.record(2, 10);
    w.record(1, 20);
    expect(w.available(500)).toBe(0);
    expect(w.nextFreeAt(500)).toBe(1_010);
    expect(w.available(1_009)).toBe(0);
    expect(w.available(1_010)).toBe(2);
    expect(w.nextFreeAt(1_010, 3)).toBe(1_020);
  });

  it("property: available(now) is the limit less the requests that finished within the window before now", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5_000 }),
        finishes,
        (limit, windowMs, recorded) => {
          const now = (recorded.at(-1)?.at ?? 0) + 1;
          const inWindow = recorded.filter((r) => r.at > now - windowMs).reduce((n, r) => n + r.count, 0);
          expect(windowWith(limit, windowMs, recorded).available(now)).toBe(Math.max(0, limit - inWindow));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: nextFreeAt(now, k) is the earliest time at which k requests may start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5_000 }),
        finishes,
        fc.integer({ min: 1, max: 10 }),
        (limit, windowMs, recorded, k) => {
          const needed = Math.min(k, limit);
          const now = recorded.at(-1)?.at ?? 0;
          const at = windowWith(limit, windowMs, recorded).nextFreeAt(now, needed);
          expect(at).toBeGreaterThanOrEqual(now);
          expect(windowWith(limit, windowMs, recorded).available(at)).toBeGreaterThanOrEqual(needed);
          if (at > now) expect(windowWith(limit, windowMs, recorded).available(at - 1)).toBeLessThan(needed);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects a limit below one or a window that is not positive", () => {
    expect(() => new SendWindow(0, 1_000)).toThrow(TypeError);
    expect(() => new SendWindow(1, 0)).toThrow(TypeError);
  });
});
