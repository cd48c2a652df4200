import { describe, expect, it } from "vitest";
import { assembleLoadReport, type LoadMeasurements } from "../../../bench/load/load-report-assembly.ts";
import { renderLoadReport } from "../../../bench/load/report-section.ts";
import { summarize } from "../../../src/domain/percentiles.ts";
import { RESOURCES, rampRow } from "./report-fixtures.ts";

const steps = (rps: number, errorRate = 0) =>
  [10, 100, 200].map((users) => rampRow(users, rps, 20, users === 200 ? errorRate : 0));
const overhead = { direct: summarize([0.8, 1, 5]), service: summarize([4, 4.5, 13]) };

function measurements(overrides: Partial<LoadMeasurements["suite"]> = {}, workers = 1): LoadMeasurements {
  return {
    composition: "L1 lru-cache + Redis L2 + PostgreSQL",
    workers,
    llmLatency: { medianMs: 300, sigma: 0.298 },
    suite: {
      warm: steps(1_000),
      mixed: steps(700),
      bots: [{ scenario: "Buyer Bot Only", concurrent: 50, row: rampRow(50, 60, 900), misrouted: 0 }],
      overhead,
      ...overrides,
    },
    resources: RESOURCES,
  };
}

describe("assembleLoadReport", () => {
  it("shows the service's warm and mixed ramps, its bots, resources and overhead, and says what it ran on", () => {
    const { report, chart, failures } = assembleLoadReport(measurements());
    expect(report.ramps.map((r) => r.title)).toEqual([
      "POST /api/leads/qualify, warm cache — EnterpriseHub",
      "Mixed workload (70 % warm qualify, 20 % new leads, 10 % contacts sync) — EnterpriseHub",
    ]);
    expect(report.botScenarios?.[0]?.row?.throughputRps).toBe(60);
    expect(report.orchestration?.service).toBe(overhead.service);
    expect(report.notes?.[0]).toMatch(/Redis L2 \+ PostgreSQL/);
    expect(report.notes?.[1]).toMatch(/median 300 ms/);
    expect(chart.map((c) => c.name)).toEqual(["EnterpriseHub warm qualify", "EnterpriseHub mixed"]);
    expect(failures).toEqual([]);
    expect(renderLoadReport(report)).toContain("- Fake Messages API latency: log-normal, median 300 ms");
  });

  it("fails the run on a step with errors anywhere, naming the workload and the step", () => {
    const { failures } = assembleLoadReport(measurements({ mixed: steps(700, 0.02) }));
    expect(failures).toEqual(["mixed workload at 200 connections: 2.00% errors"]);
  });

  it("maps the warm ramp into the main report's LoadResult", () => {
    const { load } = assembleLoadReport(measurements());
    expect(load.steps.map((s) => s.throughputRps)).toEqual([1_000, 1_000, 1_000]);
    expect(load.bots.map((b) => b.scenario)).toEqual(["Buyer Bot Only"]);
  });

  it("with several workers, adds the one-worker ramp and the scaling ratio N ÷ 1", () => {
    const { report } = assembleLoadReport(
      measurements({ warm: steps(1_500), warmOneWorker: steps(1_000) }, 2),
    );
    expect(report.ramps.map((r) => r.title)).toContain(
      "POST /api/leads/qualify, warm cache — EnterpriseHub, 1 worker",
    );
    const scaling = report.rampRatios.find((t) => t.peer === "1 worker");
    expect(scaling?.ours).toBe("EnterpriseHub ×2 workers");
    expect(scaling?.ratios.map((r) => r.throughput)).toEqual([1.5, 1.5, 1.5]);
  });
});
