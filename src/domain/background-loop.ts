import type { Clock } from "../ports/clock.ts";

/**
 * Runs a pass over and over in the background: after each, sleeps as long as the pass asked (at
 * most `maxSleepMs`, so a stop or new work elsewhere is noticed soon), or not at all when woken.
 */
export class BackgroundLoop {
  readonly #pass: () => Promise<number>;
  readonly #clock: Clock;
  readonly #maxSleepMs: number;
  readonly #onError: (err: unknown) => void;
  #running: Promise<void> | undefined;
  #stopping = false;
  #woken = false;
  #wake: (() => void) | undefined;

  /** `pass` does one round of work and resolves to how long to wait before the next, in ms. */
  constructor(
    pass: () => Promise<number>,
    opts: { clock: Clock; maxSleepMs: number; onError?: (err: unknown) => void },
  ) {
    this.#pass = pass;
    this.#clock = opts.clock;
    this.#maxSleepMs = opts.maxSleepMs;
    this.#onError = opts.onError ?? (() => {});
  }

  /** Starts the loop unless it runs; a pass that throws is reported and followed by a full sleep. */
  start(): void {
    if (this.#running) return;
    this.#stopping = false;
    this.#running = this.#run();
  }

  /** Cuts the current sleep short (or skips the next one): there is new work. */
  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Stops the loop and waits for the pass in flight to finish. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.wake();
    await this.#running;
    this.#running = undefined;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      let waitMs = this.#maxSleepMs;
      try {
        waitMs = await this.#pass();
      } catch (err) {
        this.#onError(err);
      }
      if (waitMs > 0 && !this.#stopping) await this.#sleep(Math.min(waitMs, this.#maxSleepMs));
    }
  }

  async #sleep(ms: number): Promise<void> {
    if (!this.#woken) {
      const woken = new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      await Promise.race([this.#clock.sleep(ms), woken]);
      this.#wake = undefined;
    }
    this.#woken = false;
  }
}
