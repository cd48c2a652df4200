/**
 * A sliding-window request budget: at most `limit` requests in any `windowMs`, like GoHighLevel's
 * burst limit (100 requests / 10 s per location). A request is counted from when it *finished*:
 * the server saw it arrive no later than that, so a window that holds here holds at the server too,
 * whatever the network delay.
 */
export class SendWindow {
  /** Requests allowed per window. */
  readonly limit: number;
  /** Length of the window in ms. */
  readonly windowMs: number;
  // Finish times, oldest first.
  readonly #finished: number[] = [];

  constructor(limit: number, windowMs: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new TypeError(`SendWindow needs a limit >= 1, got ${limit}`);
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new TypeError(`SendWindow needs a positive windowMs, got ${windowMs}`);
    }
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Requests that may start at `now` without breaking the limit. */
  available(now: number): number {
    this.#forget(now);
    return Math.max(0, this.limit - this.#finished.length);
  }

  /** The earliest time (>= now) at which `needed` requests (1 to limit) may start. */
  nextFreeAt(now: number, needed = 1): number {
    this.#forget(now);
    const mustLeave = this.#finished.length - (this.limit - Math.min(Math.max(1, needed), this.limit));
    if (mustLeave <= 0) return now;
    // The `mustLeave` oldest must leave the window; a finish time t leaves it at t + windowMs.
    return (this.#finished[mustLeave - 1] ?? now) + this.windowMs;
  }

  /** Counts `count` requests that finished at `at` (never earlier than those already counted). */
  record(count: number, at: number): void {
    const last = this.#finished.at(-1) ?? at;
    const t = Math.max(at, last);
    for (let i = 0; i < count; i++) this.#finished.push(t);
  }

  // A request that finished at t counts while now < t + windowMs (the server's (now - window, now]).
  #forget(now: number): void {
    let expired = 0;
    while (expired < this.#finished.length && (this.#finished[expired] ?? 0) <= now - this.windowMs)
      expired++;
    if (expired > 0) this.#finished.splice(0, expired);
  }
}
