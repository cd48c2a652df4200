import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alertStatus,
  evaluateAlerts,
  evaluateCheck,
  evaluateChecks,
  satisfies,
} from "../../bench/report/checks.ts";
import type { BenchResults } from "../../bench/report/types.ts";
import { ALERTS, type AlertSpec, CHECKS, type CheckSpec } from "../../bench/thresholds.ts";
import { latency, publishedLikeResults, realRunResults } from "./fixtures.ts";

/** The fixture with the /health P99 replaced. */
function withHealthP99(p99: number): BenchResults {
  const r = publishedLikeResults();
  return {
    ...r,
    endpoints: r.endpoints.map((e) =>
      e.endpoint === "health" ? { ...e, latency: latency(1.32, 1.97, p99) } : e,
    ),
  };
}

/** The fixture with the overall hit rate replaced. */
function withHitRate(hitRate: number): BenchResults {
  const r = publishedLikeResults();
  return { ...r, cache: { ...r.cache, overall: { ...r.cache.overall, hitRate } } };
}

const healthCheck = CHECKS.find((c) => c.metric === "endpoint.health.p99")!;
const hitRateCheck = CHECKS.find((c) => c.metric === "cache.hitRate")!;

describe("Appendix A checks", () => {
  it("are the report's eight, in its order", () => {
    expect(CHECKS.map((c) => c.label)).toEqual([
      "Cache L1 P99 < 1ms",
      "Cache L2 P99 < 5ms",
      "Cache L3 P99 < 20ms",
      "Cache hit rate >= 87%",
      "Orchestration total P99 < 200ms",
      "API /health P99 < 50ms",
      "API /api/leads/qualify P99 < 2000ms",
      "API /api/contacts/sync P99 < 500ms",
    ]);
  });

  it("all pass on the published figures, each with its figure", () => {
    const results = evaluateChecks(publishedLikeResults());
    expect(results.every((c) => c.passed)).toBe(true);
    expect(results.map((c) => c.detail)).toEqual([
      "0.60ms",
      "3.93ms",
      "16.06ms",
      "88.1%",
      "0.0122ms",
      "2.44ms",
      "1,387.81ms",
      "365.90ms",
    ]);
    expect(results.map((c) => c.provenance)).toEqual([
      ...Array(4).fill("modeled"),
      "measured",
      ...Array(3).fill("modeled"),
    ]);
  });

  it("a strict '<' check fails at the threshold and passes just below it", () => {
    expect(evaluateCheck(withHealthP99(50), healthCheck).passed).toBe(false);
    expect(evaluateCheck(withHealthP99(49.999), healthCheck).passed).toBe(true);
    expect(evaluateCheck(withHealthP99(50.001), healthCheck)).toMatchObject({
      passed: false,
      detail: "50.00ms",
    });
  });

  it("a '>=' check passes at the threshold and fails just below it", () => {
    expect(evaluateCheck(withHitRate(0.87), hitRateCheck).passed).toBe(true);
    expect(evaluateCheck(withHitRate(0.8699), hitRateCheck)).toMatchObject({
      passed: false,
      detail: "87.0%",
    });
  });

  it("a figure the run did not produce fails with detail n/a", () => {
    const spec: CheckSpec = {
      label: "Throughput",
      metric: "load.throughput",
      comparator: ">=",
      threshold: 1,
      unit: "rps",
    };
    expect(evaluateCheck(publishedLikeResults(), spec)).toEqual({
      label: "Throughput",
      passed: false,
      detail: "n/a",
      value: undefined,
      provenance: undefined,
    });
  });

  it("satisfies(v, '<', t) holds exactly when v < t, and '>=' exactly when not", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (v, t) => {
        expect(satisfies(v, "<", t)).toBe(v < t);
        expect(satisfies(v, ">=", t)).toBe(!(v < t));
        expect(satisfies(v, ">", t)).toBe(v > t);
      }),
      { numRuns: 200 },
    );
  });
});

describe("section 8.3 alerts", () => {
  const above: AlertSpec = {
    label: "x",
    metric: "load.p95",
    worseWhen: "above",
    warning: 150,
    critical: 300,
    unit: "ms",
  };
  const below: AlertSpec = {
    label: "y",
    metric: "cache.hitRate",
    worseWhen: "below",
    warning: 70,
    critical: 60,
    unit: "%",
  };

  it("an 'above' alert is ok at the warning threshold, warning past it, critical past the critical one", () => {
    expect([150, 150.01, 300, 300.01].map((v) => alertStatus(v, above))).toEqual([
      "ok",
      "warning",
      "warning",
      "critical",
    ]);
  });

  it("a 'below' alert is ok at the warning threshold, warning under it, critical under the critical one", () => {
    expect([70, 69.99, 60, 59.99].map((v) => alertStatus(v, below))).toEqual([
      "ok",
      "warning",
      "warning",
      "critical",
    ]);
  });

  it("without a load test only the cache and cost alerts are measured", () => {
    const alerts = evaluateAlerts(publishedLikeResults());
    expect(alerts.map((a) => [a.label, a.status])).toEqual([
      ["API response P95", "not measured"],
      ["Bot response P95", "not measured"],
      ["Error rate", "not measured"],
      ["Cache hit rate", "ok"],
      ["Memory usage", "not measured"],
      ["CPU utilization", "not measured"],
      ["Cost per qualification", "ok"],
    ]);
  });

  it("on the published load figures CPU at 75 % warns, as the report's own table does", () => {
    const alerts = evaluateAlerts(realRunResults());
    expect(alerts.map((a) => a.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "warning", "ok"]);
    expect(alerts.map((a) => a.current)).toEqual([
      "14.67ms",
      "179.00ms",
      "0.00%",
      "88.1%",
      "294MB",
      "75.0%",
      "$0.00722",
    ]);
    expect(ALERTS).toHaveLength(7);
  });

  it("the status only worsens as the value moves the wrong way", () => {
    const rank = { ok: 0, warning: 1, critical: 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1_000, noNaN: true }),
        fc.double({ min: 0, max: 1_000, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[alertStatus(hi, above)]).toBeGreaterThanOrEqual(rank[alertStatus(lo, above)]);
          expect(rank[alertStatus(lo, below)]).toBeGreaterThanOrEqual(rank[alertStatus(hi, below)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
