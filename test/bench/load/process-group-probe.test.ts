import { describe, expect, it } from "vitest";
import { ChildProcessProbe, ProcessGroupProbe } from "../../../bench/load/process-probes.ts";

describe("ProcessGroupProbe", () => {
  it("sums the RSS and CPU time of its processes and names them all", () => {
    const one = new ChildProcessProbe(process.pid).read();
    const group = new ProcessGroupProbe([process.pid, process.pid], "workers");
    const reading = group.read();
    expect(group.label).toBe(`workers (pids ${process.pid}, ${process.pid})`);
    // The same process twice: twice its RSS, give or take what it allocated between the readings.
    expect(reading.rssBytes / one.rssBytes).toBeGreaterThan(1.8);
    expect(reading.rssBytes / one.rssBytes).toBeLessThan(2.2);
    expect(reading.cpuMicros).toBeGreaterThanOrEqual(2 * one.cpuMicros);
    expect(reading.heapUsedBytes).toBeNull();
  });

  it("needs at least one process", () => {
    expect(() => new ProcessGroupProbe([], "none")).toThrow(TypeError);
  });
});
