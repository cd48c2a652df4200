import { describe, expect, it } from "vitest";
import { toLoadResult } from "../../../bench/load/load-result-mapping.ts";
import { PENDING_BOT_SCENARIOS } from "../../../bench/load/ramp-tables.ts";
import { RESOURCES, rampRow } from "./report-fixtures.ts";

const MB = 1024 * 1024;
const STEPS = [rampRow(10, 2_138, 3.29), rampRow(100, 5_118, 16.16, 0.01), rampRow(200, 3_783, null)];
const BOTS = [
  { scenario: "Buyer Bot Only", concurrent: 50, row: rampRow(50, 205, 233) },
  { scenario: "Seller Bot Only", concurrent: 50, row: rampRow(50, 307, 144, 0.02) },
];

describe("toLoadResult (the main report's section 7)", () => {
  const load = toLoadResult({ steps: STEPS, bots: BOTS, resources: RESOURCES });

  it("is measured, with one step per ramp row and its figures", () => {
    expect(load.provenance).toBe("measured");
    expect(load.steps.map((s) => s.users)).toEqual([10, 100, 200]);
    expect(load.steps[1]).toMatchObject({
      users: 100,
      requests: 5_000,
      throughputRps: 5_118,
      errorRate: 0.01,
    });
    expect(load.steps[1]?.latency).toMatchObject({ p99: 16.16, p95: 8.08, provenance: "measured" });
  });

  it("leaves a step's latency out when no response arrived", () => {
    expect(load.steps[2]?.latency).toBeUndefined();
  });

  it("fills every measured bot scenario with its latency summary", () => {
    expect(load.bots).toEqual([
      expect.objectContaining({
        scenario: "Buyer Bot Only",
        concurrent: 50,
        throughputRps: 205,
        errorRate: 0,
      }),
      expect.objectContaining({ scenario: "Seller Bot Only", throughputRps: 307, errorRate: 0.02 }),
    ]);
    expect(load.bots[0]?.latency).toMatchObject({ p99: 233, count: 2_500, provenance: "measured" });
  });

  it("leaves out bot scenarios that were not measured", () => {
    expect(toLoadResult({ steps: STEPS, bots: PENDING_BOT_SCENARIOS, resources: RESOURCES }).bots).toEqual(
      [],
    );
  });

  it("gives memory in MB (2^20 bytes) and CPU as a share of the whole machine", () => {
    expect(load.memory.baselineMb).toBeCloseTo(RESOURCES.baselineRssBytes / MB, 9);
    expect(load.memory.peakMb).toBeCloseTo(294, 9);
    expect(load.memory.growthMb).toBeCloseTo(1.9, 9);
    // 75 % of one core on a 2-core machine is 37.5 % of the machine.
    expect(load.cpuPercent).toBeCloseTo(37.5, 9);
  });
});
