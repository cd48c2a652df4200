/**
 * The part of autocannon 9's programmatic API this harness uses (the package ships no types).
 * See node_modules/autocannon/README.md, "autocannon(opts[, cb])" and "Autocannon events".
 */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  /** One entry of `requests`: overrides of the defaults, or a function building each request. */
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called for every request built from this entry; returns the request to send. */
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  }

  export interface AutocannonOptions {
    /** One target, or several: connection i goes to url[i % n]. */
    url: string | string[];
    connections?: number;
    /** Seconds; ignored by autocannon when `amount` is set. */
    duration?: number;
    amount?: number;
    /** Seconds to wait for a response. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    requests?: AutocannonRequest[];
    /** Milliseconds between the samples behind autocannon's own per-second histograms. */
    sampleInt?: number;
    pipelining?: number;
  }

  /** The parts of autocannon's result object read here. */
  export interface AutocannonResult {
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds. */
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: { p50: number; p97_5: number; p99: number; max: number };
  }

  /** A running benchmark: an event emitter with `stop()`, and a promise of the result. */
  export interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
    stop(): void;
  }

  export default function autocannon(
    options: AutocannonOptions,
    callback?: (error: Error | null, result: AutocannonResult) => void,
  ): AutocannonInstance;
}
