/**
 * In-process micro-benchmarks of ours against a peer: warm-up, then N timed iterations each, every
 * call timed on its own with process.hrtime.bigint() and summarized with the report's percentile math.
 *
 * The two sides are interleaved in rounds (A B, then B A, ...), so a burst of load from another
 * process on this shared machine lands on both instead of on whichever ran second. A call that costs
 * well under a microsecond is at the edge of what per-call timing resolves (reading the clock costs
 * ~50 ns); both sides pay that equally, which keeps the ratio honest even where the absolute is coarse.
 */
import { type LatencySummary, summarize } from "../../src/domain/percentiles.ts";

/** One timed operation; `i` counts 0, 1, 2... across warm-up and rounds, never repeating for a side. */
export type Operation = (i: number) => unknown;

/** How much to run each side. */
export interface MicroBenchPlan {
  /** Untimed calls first (JIT, connection pools, caches). */
  readonly warmup: number;
  /** Timed calls, split evenly over the rounds. */
  readonly iterations: number;
  /** How many times the sides take turns; default 4. */
  readonly rounds?: number;
}

/** Latency summaries of both sides, in µs. */
export interface MicroBenchPair {
  readonly ours: LatencySummary;
  readonly peer: LatencySummary;
}

/** Runs `ours` and `peer` interleaved per `plan`; summaries are in microseconds. */
export async function benchmarkPair(
  ours: Operation,
  peer: Operation,
  plan: MicroBenchPlan,
): Promise<MicroBenchPair> {
  const rounds = plan.rounds ?? 4;
  if (!Number.isSafeInteger(plan.warmup) || plan.warmup < 0)
    throw new TypeError("warmup must be an integer >= 0");
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new TypeError("rounds must be an integer >= 1");
  if (!Number.isSafeInteger(plan.iterations) || plan.iterations < rounds)
    throw new TypeError(`iterations must be an integer >= rounds (${rounds})`);
  const sides = [new Side(ours), new Side(peer)] as const;
  for (const side of sides) await side.run(plan.warmup, false);
  const perRound = Math.floor(plan.iterations / rounds);
  for (let r = 0; r < rounds; r++) {
    const count = r === rounds - 1 ? plan.iterations - perRound * (rounds - 1) : perRound;
    const order = r % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const side of order) await side.run(count, true);
  }
  return { ours: summarize(sides[0].samples), peer: summarize(sides[1].samples) };
}

/** One side's operation, its running index and its samples. */
class Side {
  readonly samples: number[] = [];
  readonly #operation: Operation;
  #next = 0;

  constructor(operation: Operation) {
    this.#operation = operation;
  }

  async run(count: number, timed: boolean): Promise<void> {
    for (let n = 0; n < count; n++) {
      const i = this.#next++;
      const start = process.hrtime.bigint();
      // Awaited whether or not it returns a promise, so both sides pay the same microtask.
      await this.#operation(i);
      const elapsedNs = process.hrtime.bigint() - start;
      if (timed) this.samples.push(Number(elapsedNs) / 1_000);
    }
  }
}

/** Keys the benchmarks use: shaped like the domain's cache keys (`<tenant>:<operation>:<sha256-ish>`). */
export function benchKey(group: string, i: number): string {
  return `bench:qualify:${group}-${i.toString(16).padStart(8, "0")}`;
}

/** A value the size of a real cached qualification (~600 bytes of JSON). */
export const BENCH_VALUE = JSON.stringify({
  intent: "buy",
  intentConfidence: 0.86,
  timeline: "0-3m",
  financing: "pre_approved",
  budgetMin: 400_000,
  budgetMax: 500_000,
  location: "Austin, TX",
  propertyType: "single_family",
  bedrooms: 3,
  hasAgent: false,
  summary: "Pre-approved buyer looking for a 3-bedroom single-family home in Austin within three months.",
  motivation: "Relocating for a new job downtown; wants a short commute and a yard for the dog.",
  score: 87,
  temperature: "hot",
  model: "claude-sonnet-4-5",
  padding: "x".repeat(160),
});
