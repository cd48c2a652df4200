/**
 * In-process single flight: concurrent callers for one key share one promise, so N simultaneous
 * misses cost one cascade and one origin computation (a stampede lock). A flight ends when its
 * promise settles; a failed flight is not remembered, so the next caller starts again.
 */

/** Keyed sharing of in-flight work. */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Promise<T>>();

  /** Joins the flight running for `key`, or starts one with `start`; `joined` says which. */
  run(key: string, start: () => Promise<T>): { readonly promise: Promise<T>; readonly joined: boolean } {
    const running = this.#flights.get(key);
    if (running) return { promise: running, joined: true };
    const promise = start().finally(() => {
      if (this.#flights.get(key) === promise) this.#flights.delete(key);
    });
    this.#flights.set(key, promise);
    return { promise, joined: false };
  }

  /** Detaches flights whose key matches, so later callers start afresh (running ones still finish). */
  forget(matches: (key: string) => boolean): void {
    for (const key of this.#flights.keys()) if (matches(key)) this.#flights.delete(key);
  }

  /** How many flights are running. */
  get size(): number {
    return this.#flights.size;
  }
}
