import { describe, expect, it } from "vitest";
import { BackgroundLoop } from "../../src/domain/background-loop.ts";
import type { Clock } from "../../src/ports/clock.ts";

/** A clock whose sleeps end only when the test says so; it logs every sleep asked for. */
class HeldClock implements Clock {
  readonly sleeps: number[] = [];
  #release: Array<() => void> = [];
  now() {
    return 0;
  }
  sleep(ms: number) {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => this.#release.push(resolve));
  }
  releaseAll() {
    for (const r of this.#release.splice(0)) r();
  }
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe("BackgroundLoop", () => {
  it("runs a pass, then sleeps what it asked, capped at maxSleepMs", async () => {
    const clock = new HeldClock();
    const waits = [50, 5_000];
    let passes = 0;
    const loop = new BackgroundLoop(async () => waits[passes++] ?? 10, { clock, maxSleepMs: 1_000 });
    loop.start();
    await settle();
    clock.releaseAll();
    await settle();
    expect(clock.sleeps).toEqual([50, 1_000]);
    await loop.stop();
    expect(passes).toBe(2);
  });

  it("runs the next pass at once when woken, without waiting for the sleep to end", async () => {
    const clock = new HeldClock();
    let passes = 0;
    const loop = new BackgroundLoop(
      async () => {
        passes++;
        return 60_000;
      },
      { clock, maxSleepMs: 60_000 },
    );
    loop.start();
    await settle();
    loop.wake();
    await settle();
    expect(passes).toBe(2);
    await loop.stop();
  });

  it("reports a pass that throws and carries on after a full sleep", async () => {
    const clock = new HeldClock();
    const errors: unknown[] = [];
    let passes = 0;
    const loop = new BackgroundLoop(
      async () => {
        passes++;
        throw new Error("database down");
      },
      { clock, maxSleepMs: 250, onError: (e) => errors.push(e) },
    );
    loop.start();
    loop.start();
    await settle();
    clock.releaseAll();
    await settle();
    await loop.stop();
    expect(passes).toBe(2);
    expect(clock.sleeps).toEqual([250, 250]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["database down", "database down"]);
  });

  it("stop() ends a sleeping loop and resolves once the loop is done; no pass runs after it", async () => {
    const clock = new HeldClock();
    let passes = 0;
    const loop = new BackgroundLoop(
      async () => {
        passes++;
        return 1_000;
      },
      { clock, maxSleepMs: 1_000 },
    );
    loop.start();
    await settle();
    await loop.stop();
    clock.releaseAll();
    await settle();
    expect(passes).toBe(1);
  });
});
