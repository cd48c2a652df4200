/**
 * Progress of a benchmark on stderr (stdout stays free for results). On a terminal: one bar redrawn
 * in place; elsewhere (CI logs, pipes): a plain line every `stepPercent` percent, so logs stay short.
 * It prints counts, not times, so its output is the same on every run.
 */

/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

const BAR_WIDTH = 30;

/** Progress of one benchmark of `total` steps. */
export class ProgressReporter {
  readonly #label: string;
  readonly #total: number;
  readonly #stream: ProgressStream;
  readonly #stepPercent: number;
  #done = 0;
  #shownPercent = -1;
  #finished = false;

  /** Reports on `stream` (stderr by default); without a TTY, a line every `stepPercent` % (default 10). */
  constructor(label: string, total: number, stream: ProgressStream = process.stderr, stepPercent = 10) {
    if (!(Number.isSafeInteger(total) && total > 0))
      throw new RangeError(`progress total must be a positive integer, got ${total}`);
    if (!(stepPercent > 0 && stepPercent <= 100))
      throw new RangeError(`stepPercent must be in (0, 100], got ${stepPercent}`);
    this.#label = label;
    this.#total = total;
    this.#stream = stream;
    this.#stepPercent = stepPercent;
  }

  /** Records `steps` more steps done (capped at the total). */
  tick(steps = 1): void {
    if (this.#finished) return;
    this.#done = Math.min(this.#total, this.#done + steps);
    const percent = Math.floor((this.#done / this.#total) * 100);
    if (this.#stream.isTTY) {
      if (percent !== this.#shownPercent) this.#stream.write(`\r${this.#barLine(percent)}`);
      this.#shownPercent = percent;
      return;
    }
    const step = Math.floor(percent / this.#stepPercent) * this.#stepPercent;
    if (step > this.#shownPercent && step > 0 && step < 100) {
      this.#shownPercent = step;
      this.#stream.write(`${this.#label}: ${this.#done}/${this.#total} (${step}%)\n`);
    }
  }

  /** Ends the report: completes the bar on a TTY, or prints a final line. Later calls do nothing. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#done = this.#total;
    if (this.#stream.isTTY) this.#stream.write(`\r${this.#barLine(100)}\n`);
    else this.#stream.write(`${this.#label}: ${this.#total}/${this.#total} (100%) done\n`);
  }

  #barLine(percent: number): string {
    const filled = Math.round((percent / 100) * BAR_WIDTH);
    const line = `${this.#label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${this.#done}/${this.#total}`;
    // Never wrap: a wrapped line breaks the carriage-return redraw.
    const columns = this.#stream.columns;
    return columns && line.length >= columns ? line.slice(0, columns - 1) : line;
  }
}
