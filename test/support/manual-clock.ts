import type { Clock } from "../../src/ports/clock.ts";

/** A clock that moves only when the test says so (sleeping moves it too, at once). */
export class ManualClock implements Clock {
  #now: number;

  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  async sleep(ms: number): Promise<void> {
    this.#now += ms;
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
