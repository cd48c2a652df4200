import type { Clock } from "../../ports/clock.ts";

/** The wall clock: `Date.now()` and a real timer. Production's Clock. */
export class SystemClock implements Clock {
  /** Milliseconds since the Unix epoch, from the operating system. */
  now(): number {
    return Date.now();
  }

  /** Resolves after `ms` real milliseconds (at once for 0 or less). */
  async sleep(ms: number): Promise<void> {
    if (ms > 0) await new Promise<void>((resolve) => setTimeout(resolve, ms));
  }
}
