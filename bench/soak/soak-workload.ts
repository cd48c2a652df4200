/**
 * The soak's mixed qualify workload, reproducible from a seed: most requests ask about a lead asked
 * about before (a Zipf law over a hot set larger than L1, so answers come from L1, L2 and L3), the
 * rest are leads never seen (the origin: the offline model, then a write to every tier).
 */
import { SeededRandom } from "../../src/adapters/simulated/seeded-random.ts";
import { LEAD_MESSAGES } from "../runners/workload.ts";
import { ZipfSampler } from "../runners/zipf.ts";

export interface SoakWorkloadOptions {
  /** Distinct leads asked about again and again. Default 4,000. */
  readonly hotLeads?: number;
  /** Share of requests for a lead never seen before, in [0, 1]. Default 0.2. */
  readonly freshShare?: number;
  /** Zipf exponent over the hot set. Default 1.0. */
  readonly zipfS?: number;
  readonly seed?: number;
  /** Tells runs apart, so a second run on the same tiers starts cold too. */
  readonly runTag: string;
}

/** Builds request bodies for POST /api/leads/qualify, one per call. */
export class SoakWorkload {
  readonly #random: SeededRandom;
  readonly #zipf: ZipfSampler;
  readonly #freshShare: number;
  readonly #runTag: string;
  #fresh = 0;

  /** A workload with the given mix (see SoakWorkloadOptions for defaults). */
  constructor(options: SoakWorkloadOptions) {
    const hot = options.hotLeads ?? 4_000;
    const freshShare = options.freshShare ?? 0.2;
    if (!Number.isSafeInteger(hot) || hot < 1) throw new TypeError(`hotLeads must be >= 1, got ${hot}`);
    if (!(freshShare >= 0 && freshShare <= 1))
      throw new TypeError(`freshShare must be in [0, 1], got ${freshShare}`);
    this.#random = new SeededRandom(options.seed ?? 42);
    this.#zipf = new ZipfSampler(hot, options.zipfS ?? 1.0, this.#random.fork("zipf"));
    this.#freshShare = freshShare;
    this.#runTag = options.runTag;
  }

  /** The next request body (JSON). */
  next(): string {
    const fresh = this.#random.next() < this.#freshShare;
    const id = fresh ? `new-${this.#fresh++}` : `hot-${this.#zipf.next()}`;
    return bodyFor(id, this.#runTag);
  }
}

/** The body for lead `id`: one of the benchmark's realistic messages, made unique by the id. */
export function bodyFor(id: string, runTag: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const text = `${LEAD_MESSAGES[h % LEAD_MESSAGES.length]} (soak ${runTag} ${id})`;
  return JSON.stringify({ lead: { name: "Soak Lead", source: "soak" }, messages: [{ text }] });
}
