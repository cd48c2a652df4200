import { describe, expect, it } from "vitest";
import {
  ChildProcessProbe,
  CurrentProcessProbe,
  parseCpuTicks,
  parseVmRssBytes,
  type ResourceProbe,
  type ResourceReading,
} from "../../../bench/load/process-probes.ts";
import { measureResources, ResourceMonitor } from "../../../bench/load/resources.ts";

// Burns CPU for a while without a timer: enough work for /proc's 10 ms ticks to see it.
function burn(): number {
  let x = 0;
  for (let i = 0; i < 30_000_000; i++) x = (x + i * 7) % 1_000_003;
  return x;
}

describe("process probes", () => {
  it("read this process's RSS, heap and CPU time from Node's counters", () => {
    const reading = new CurrentProcessProbe().read();
    expect(reading.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(reading.heapUsedBytes).toBeGreaterThan(0);
    expect(reading.cpuMicros).toBeGreaterThan(0);
  });

  it("read the same process through /proc, agreeing with Node on RSS, and see CPU time grow", () => {
    const probe = new ChildProcessProbe(process.pid);
    const before = probe.read();
    burn();
    const after = probe.read();
    const rss = process.memoryUsage().rss;
    expect(before.heapUsedBytes).toBeNull();
    expect(Math.abs(after.rssBytes - rss) / rss).toBeLessThan(0.2);
    expect(after.cpuMicros).toBeGreaterThan(before.cpuMicros);
  });

  it("refuse a process that does not exist", () => {
    expect(() => new ChildProcessProbe(2 ** 22 + 12_345).read()).toThrow(
      expect.objectContaining({ code: "probe_unavailable" }),
    );
  });

  it("parse VmRSS in kB and utime + stime even when the command holds spaces and parentheses", () => {
    expect(parseVmRssBytes("Name:\tnode\nVmRSS:\t  51200 kB\nVmSwap:\t0 kB\n")).toBe(51_200 * 1024);
    const stat = "4242 (my (odd) cmd) S 1 2 3 4 5 6 7 8 9 10 111 222 13 14 15";
    expect(parseCpuTicks(stat)).toBe(333);
    expect(() => parseVmRssBytes("Name:\tzombie\n")).toThrow(
      expect.objectContaining({ code: "probe_unavailable" }),
    );
  });
});

/** A probe that replays readings, so the monitor's arithmetic can be checked exactly. */
class ScriptedProbe implements ResourceProbe {
  readonly label = "scripted";
  readonly #readings: ResourceReading[];
  constructor(readings: ResourceReading[]) {
    this.#readings = readings;
  }
  read(): ResourceReading {
    const next = this.#readings.shift();
    if (!next) throw new Error("out of readings");
    return next;
  }
}

const mb = (n: number) => n * 1024 * 1024;

describe("ResourceMonitor", () => {
  it("reports baseline, peak during the run, growth after, and CPU as a share of one core", async () => {
    const probe = new ScriptedProbe([
      { rssBytes: mb(100), heapUsedBytes: mb(20), cpuMicros: 0, atMs: 0 }, // baseline
      { rssBytes: mb(110), heapUsedBytes: mb(25), cpuMicros: 1_000_000, atMs: 1_000 }, // window start
      { rssBytes: mb(150), heapUsedBytes: mb(40), cpuMicros: 1_500_000, atMs: 2_000 }, // window end
      { rssBytes: mb(104), heapUsedBytes: mb(22), cpuMicros: 1_600_000, atMs: 9_000 }, // after
    ]);
    const monitor = new ResourceMonitor(probe, 60_000);
    monitor.baseline();
    expect(await monitor.during(async () => "done")).toBe("done");
    monitor.after();
    const report = monitor.report();
    expect(report).toMatchObject({
      label: "scripted",
      baselineRssBytes: mb(100),
      peakRssBytes: mb(150),
      afterRssBytes: mb(104),
      rssGrowthBytes: mb(4),
      baselineHeapBytes: mb(20),
      peakHeapBytes: mb(40),
      afterHeapBytes: mb(22),
      cpuAvgPercent: 50,
      cpuPeakPercent: 50,
    });
    expect(report.cores).toBeGreaterThanOrEqual(1);
  });

  it("samples this process while it works: peak >= baseline and CPU seen", async () => {
    const { result, resources } = await measureResources(
      new CurrentProcessProbe(),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return burn();
      },
      10,
    );
    expect(typeof result).toBe("number");
    expect(resources.peakRssBytes).toBeGreaterThanOrEqual(resources.baselineRssBytes);
    expect(resources.peakHeapBytes).not.toBeNull();
    expect(resources.cpuAvgPercent).toBeGreaterThan(0);
    expect(resources.samples).toBeGreaterThanOrEqual(3);
  });

  it("will not report before a baseline and an after reading", () => {
    expect(() => new ResourceMonitor(new CurrentProcessProbe()).report()).toThrow(/baseline/);
  });
});
