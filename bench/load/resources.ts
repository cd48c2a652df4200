/**
 * Resource use of one process over a load test, the report's section 7.3: memory at baseline, peak
 * memory and CPU while a run is under way (sampled every `intervalMs`), and growth after the run.
 * CPU is a percentage of one core (top's convention: a busy 2-core process shows up to 200 %).
 */
import { availableParallelism } from "node:os";
import type { ResourceProbe, ResourceReading } from "./process-probes.ts";

/** What one process used. Bytes and percentages; heap figures are null when the probe cannot see the heap. */
export interface ResourceReport {
  readonly label: string;
  readonly baselineRssBytes: number;
  readonly peakRssBytes: number;
  readonly afterRssBytes: number;
  /** afterRss - baselineRss (negative when memory was given back). */
  readonly rssGrowthBytes: number;
  readonly baselineHeapBytes: number | null;
  readonly peakHeapBytes: number | null;
  readonly afterHeapBytes: number | null;
  /** Mean CPU over the sampled windows, % of one core. */
  readonly cpuAvgPercent: number;
  /** Busiest sampling interval, % of one core. */
  readonly cpuPeakPercent: number;
  /** Cores of this machine, to read the percentages against. */
  readonly cores: number;
  /** Readings taken (the baseline and every sample of the windows). */
  readonly samples: number;
}

/** Samples one process: `baseline()`, then `during(run)` once or more, then `after()`, then `report()`. */
export class ResourceMonitor {
  readonly #probe: ResourceProbe;
  readonly #intervalMs: number;
  #baseline: ResourceReading | undefined;
  #after: ResourceReading | undefined;
  #peakRss = 0;
  #peakHeap: number | null = null;
  #cpuMicros = 0;
  #wallMs = 0;
  #cpuPeak = 0;
  #samples = 0;

  /** A monitor reading `probe` every `intervalMs` (default 200 ms: /proc's CPU clock ticks every 10 ms). */
  constructor(probe: ResourceProbe, intervalMs = 200) {
    if (!(intervalMs >= 10)) throw new TypeError(`intervalMs must be >= 10, got ${intervalMs}`);
    this.#probe = probe;
    this.#intervalMs = intervalMs;
  }

  /** Takes the baseline reading (before any load). */
  baseline(): ResourceReading {
    this.#baseline = this.#probe.read();
    this.#track(this.#baseline);
    return this.#baseline;
  }

  /** Runs `run` while sampling peak memory and CPU; resolves with its result (a failed reading rejects after it). */
  async during<T>(run: () => Promise<T>): Promise<T> {
    const first = this.#probe.read();
    this.#track(first);
    let previous = first;
    let failure: unknown;
    const sample = (): void => {
      const now = this.#probe.read();
      this.#track(now);
      const wall = now.atMs - previous.atMs;
      if (wall > 0)
        this.#cpuPeak = Math.max(this.#cpuPeak, percentOfCore(now.cpuMicros - previous.cpuMicros, wall));
      previous = now;
    };
    // A throw inside a timer callback would crash the process: keep the first failure for later.
    const timer = setInterval(() => {
      try {
        sample();
      } catch (error) {
        failure ??= error;
      }
    }, this.#intervalMs);
    let result: T;
    try {
      result = await run();
    } finally {
      clearInterval(timer);
    }
    if (failure === undefined) sample();
    this.#cpuMicros += previous.cpuMicros - first.cpuMicros;
    this.#wallMs += previous.atMs - first.atMs;
    if (failure !== undefined) throw failure;
    return result;
  }

  /** Takes the reading after the load (growth is measured against the baseline). */
  after(): ResourceReading {
    this.#after = this.#probe.read();
    return this.#after;
  }

  /** The report; needs `baseline()` and `after()` to have been taken. */
  report(): ResourceReport {
    const baseline = this.#baseline;
    const after = this.#after;
    if (!baseline || !after) throw new Error("ResourceMonitor.report() needs baseline() and after() first");
    return {
      label: this.#probe.label,
      baselineRssBytes: baseline.rssBytes,
      peakRssBytes: this.#peakRss,
      afterRssBytes: after.rssBytes,
      rssGrowthBytes: after.rssBytes - baseline.rssBytes,
      baselineHeapBytes: baseline.heapUsedBytes,
      peakHeapBytes: this.#peakHeap,
      afterHeapBytes: after.heapUsedBytes,
      cpuAvgPercent: this.#wallMs > 0 ? percentOfCore(this.#cpuMicros, this.#wallMs) : 0,
      cpuPeakPercent: this.#cpuPeak,
      cores: availableParallelism(),
      samples: this.#samples,
    };
  }

  #track(reading: ResourceReading): void {
    this.#samples++;
    this.#peakRss = Math.max(this.#peakRss, reading.rssBytes);
    if (reading.heapUsedBytes !== null) this.#peakHeap = Math.max(this.#peakHeap ?? 0, reading.heapUsedBytes);
  }
}

/** Baseline, `run` under sampling, then the after reading: the whole report for one run. */
export async function measureResources<T>(
  probe: ResourceProbe,
  run: () => Promise<T>,
  intervalMs?: number,
): Promise<{ result: T; resources: ResourceReport }> {
  const monitor = new ResourceMonitor(probe, intervalMs);
  monitor.baseline();
  const result = await monitor.during(run);
  monitor.after();
  return { result, resources: monitor.report() };
}

function percentOfCore(cpuMicros: number, wallMs: number): number {
  return (cpuMicros / (wallMs * 1000)) * 100;
}
