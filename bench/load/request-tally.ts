/**
 * The outcome of every request of a run the harness drives itself (bot conversations): latencies,
 * statuses, and requests that got no answer, summed up as a ramp row.
 */
import { summarize } from "../../src/domain/percentiles.ts";
import type { RampRow } from "./ramp.ts";

/** Latencies and outcomes of every request of a scenario. */
export class RequestTally {
  /** Milliseconds from sending each answered request to the end of its JSON answer. */
  readonly samples: number[] = [];
  /** Answers by status code. */
  readonly statusCounts: Record<string, number> = {};
  /** Requests with no (JSON) answer: refused, reset, timed out. */
  errors = 0;
  /** Conversations a bot other than the intended one took (the scenario measured something else). */
  misrouted = 0;

  /** POSTs `body`; the JSON answer on a 2xx, else undefined (the conversation stops there). */
  async post(
    url: string,
    headers: Readonly<Record<string, string>>,
    body: unknown,
    timeoutMs: number,
  ): Promise<Record<string, unknown> | undefined> {
    const start = performance.now();
    try {
      const res = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json = (await res.json()) as Record<string, unknown>;
      this.samples.push(performance.now() - start);
      this.statusCounts[res.status] = (this.statusCounts[res.status] ?? 0) + 1;
      return res.ok ? json : undefined;
    } catch {
      this.errors++;
      return undefined;
    }
  }

  /** Counts an answer that could not be used (e.g. no conversation id) as an error. */
  fail(): void {
    this.errors++;
  }

  /** Counts a conversation taken by the wrong bot. */
  misroute(): void {
    this.misrouted++;
  }

  /** The run as a ramp row: misrouted conversations count in the error rate beside non-2xx and no-answers. */
  row(users: number, durationMs: number): RampRow {
    const requests = this.samples.length;
    const non2xx = Object.entries(this.statusCounts)
      .filter(([status]) => !status.startsWith("2"))
      .reduce((sum, [, n]) => sum + n, 0);
    const attempted = requests + this.errors;
    return {
      users,
      requests,
      throughputRps: durationMs > 0 ? (requests * 1000) / durationMs : 0,
      latency: requests > 0 ? summarize(this.samples) : null,
      errorRate: attempted === 0 ? 1 : (non2xx + this.errors + this.misrouted) / attempted,
      errors: this.errors,
      non2xx,
      statusCounts: this.statusCounts,
      durationMs,
      stoppedBy: "amount",
    };
  }
}
