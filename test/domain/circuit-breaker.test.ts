import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError } from "../../src/domain/circuit-breaker.ts";
import { ManualClock } from "../support/manual-clock.ts";

function failTimes(breaker: CircuitBreaker, n: number): void {
  for (let i = 0; i < n; i++) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
  }
}

describe("CircuitBreaker", () => {
  it("starts closed and lets calls through", () => {
    const b = new CircuitBreaker(new ManualClock(1_000_000));
    expect(b.state).toBe("closed");
    expect(b.tryAcquire()).toBe(true);
  });

  it("opens after 3 consecutive failures by default, not after 2", () => {
    const b = new CircuitBreaker(new ManualClock(1_000_000));
    failTimes(b, 2);
    expect(b.state).toBe("closed");
    failTimes(b, 1);
    expect(b.state).toBe("open");
    expect(b.tryAcquire()).toBe(false);
  });

  it("counts consecutive failures only: a success in between starts the count again", () => {
    const b = new CircuitBreaker(new ManualClock(1_000_000));
    failTimes(b, 2);
    b.tryAcquire();
    b.recordSuccess();
    failTimes(b, 2);
    expect(b.snapshot()).toMatchObject({ state: "closed", consecutiveFailures: 2 });
  });

  it("refuses calls for the whole cooldown (default 5,000 ms), then lets exactly one trial through", () => {
    const clock = new ManualClock(1_000_000);
    const b = new CircuitBreaker(clock);
    failTimes(b, 3);
    expect(b.snapshot()).toEqual({ state: "open", consecutiveFailures: 3, retryAt: clock.now() + 5_000 });
    clock.advance(4_999);
    expect(b.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(b.state).toBe("half_open");
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
  });

  it("closes when the half-open trial succeeds", () => {
    const clock = new ManualClock(1_000_000);
    const b = new CircuitBreaker(clock, { failureThreshold: 1, cooldownMs: 100 });
    failTimes(b, 1);
    clock.advance(100);
    expect(b.tryAcquire()).toBe(true);
    b.recordSuccess();
    expect(b.snapshot()).toEqual({ state: "closed", consecutiveFailures: 0, retryAt: undefined });
    expect(b.tryAcquire()).toBe(true);
  });

  it("reopens for a fresh cooldown when the half-open trial fails", () => {
    const clock = new ManualClock(1_000_000);
    const b = new CircuitBreaker(clock, { failureThreshold: 2, cooldownMs: 100 });
    failTimes(b, 2);
    clock.advance(150);
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure();
    expect(b.state).toBe("open");
    clock.advance(99);
    expect(b.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(b.tryAcquire()).toBe(true);
  });

  it("ignores late results of calls made before it opened", () => {
    const clock = new ManualClock(1_000_000);
    const b = new CircuitBreaker(clock, { failureThreshold: 1, cooldownMs: 100 });
    failTimes(b, 1);
    const retryAt = b.snapshot().retryAt;
    clock.advance(50);
    b.recordSuccess();
    b.recordFailure();
    expect(b.snapshot()).toMatchObject({ state: "open", retryAt });
  });

  it("run() records outcomes and throws CircuitOpenError (code circuit_open) without calling when open", async () => {
    const b = new CircuitBreaker(new ManualClock(1_000_000), { failureThreshold: 1 });
    await expect(b.run(async () => "ok")).resolves.toBe("ok");
    await expect(b.run(() => Promise.reject(new Error("down")))).rejects.toThrow("down");
    let called = false;
    const refused = b.run(async () => {
      called = true;
    });
    await expect(refused).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(refused).rejects.toMatchObject({ code: "circuit_open" });
    expect(called).toBe(false);
  });

  it.each([
    [{ failureThreshold: 0 }],
    [{ failureThreshold: 1.5 }],
    [{ cooldownMs: -1 }],
    [{ cooldownMs: Number.NaN }],
  ])("rejects options %j", (options) => {
    expect(() => new CircuitBreaker(new ManualClock(1_000_000), options)).toThrow(TypeError);
  });

  it("never lets a call through while open, and opens exactly at the threshold", () => {
    const event = fc.oneof(
      fc.constant({ kind: "ok" as const }),
      fc.constant({ kind: "fail" as const }),
      fc.integer({ min: 1, max: 3_000 }).map((ms) => ({ kind: "wait" as const, ms })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(event, { maxLength: 60 }), (threshold, events) => {
        const clock = new ManualClock(1_000_000);
        const b = new CircuitBreaker(clock, { failureThreshold: threshold, cooldownMs: 2_000 });
        let streak = 0;
        for (const e of events) {
          if (e.kind === "wait") {
            clock.advance(e.ms);
            continue;
          }
          const before = b.state;
          const allowed = b.tryAcquire();
          expect(allowed).toBe(before !== "open");
          if (!allowed) continue;
          if (e.kind === "ok") {
            b.recordSuccess();
            streak = 0;
            expect(b.state).toBe("closed");
          } else {
            b.recordFailure();
            streak++;
            expect(b.state).toBe(before === "half_open" || streak >= threshold ? "open" : "closed");
            if (b.state === "open") streak = 0;
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
