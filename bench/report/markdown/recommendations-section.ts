/** Section 8: findings of this run, calibration cross-checks, alert thresholds with current status. */
import {
  ENDPOINT_LATENCY,
  PUBLISHED_ENDPOINTS,
  PUBLISHED_TIERS,
  TIER_LATENCY,
  Z_95,
} from "../../calibration.ts";
import { ALERTS, HIT_RATE_TARGETS } from "../../thresholds.ts";
import { formatFraction, formatMs, formatThreshold, provenanceLabel } from "../format.ts";
import type { Report } from "../report-model.ts";
import { markdownTable } from "./text-blocks.ts";

/** Things a reader should act on, derived from the checks, the tiers' targets, costs and alerts. */
export function findings(report: Report): string[] {
  const out: string[] = [];
  for (const c of report.checks) if (!c.passed) out.push(`Check failed: ${c.label} (${c.detail}).`);
  for (const t of report.results.cache.tiers) {
    if (t.hitRate * 100 <= HIT_RATE_TARGETS[t.tier]) {
      out.push(
        `${t.tier} serves ${formatFraction(t.hitRate)} of requests, below its ${HIT_RATE_TARGETS[t.tier]}% target (its P99 passes or fails separately).`,
      );
    }
  }
  for (const p of report.costs) {
    for (const o of p.operations) {
      if (o.status !== "PASS") out.push(`${o.label} is ${o.status} under \`${p.profile}\`.`);
    }
  }
  for (const a of report.alerts) {
    if (a.status === "warning" || a.status === "critical")
      out.push(`Alert ${a.label}: ${a.status} at ${a.current}.`);
  }
  return out.length === 0 ? ["Every check, hit-rate target, cost target and alert threshold is met."] : out;
}

/** Predicted vs published P95 of each log-normal fitted through a published P50 and P99. */
function calibrationRows(): string[][] {
  const fitted = [
    { name: "GET /health", model: ENDPOINT_LATENCY.health, published: PUBLISHED_ENDPOINTS.health },
    { name: "POST /api/contacts/sync", model: ENDPOINT_LATENCY.sync, published: PUBLISHED_ENDPOINTS.sync },
    ...(["L1", "L2", "L3"] as const).map((t) => ({
      name: `${t} read`,
      model: TIER_LATENCY[t],
      published: PUBLISHED_TIERS[t],
    })),
  ];
  return fitted.map(({ name, model, published }) => {
    const predicted = model.medianMs * Math.exp(Z_95 * model.sigma);
    return [
      name,
      formatMs(model.medianMs),
      model.sigma.toFixed(4),
      formatMs(predicted),
      formatMs(published.p95),
      `${predicted >= published.p95 ? "+" : ""}${((predicted / published.p95 - 1) * 100).toFixed(1)}%`,
    ];
  });
}

/** Section 8. */
export function recommendationsSection(report: Report): string[] {
  return [
    "## 8. Recommendations",
    "",
    "### 8.1 Findings From This Run",
    "",
    ...findings(report).map((f) => `- ${f}`),
    "",
    "### 8.2 Calibration Cross-Check",
    "",
    "Each log-normal goes through the published P50 and P99 (sigma = ln(P99/P50) / 2.3263); its P95 then follows (P50 · e^(1.6449 sigma)). Where that misses the published P95, the published distribution is not log-normal:",
    "",
    ...markdownTable(
      ["Model", "Median", "Sigma", "Predicted P95", "Published P95", "Mismatch"],
      calibrationRows(),
    ),
    "",
    "### 8.3 Alert Thresholds",
    "",
    ...markdownTable(
      ["Metric", "Warning", "Critical", "Current", "Source", "Status"],
      report.alerts.map((a, i) => {
        const spec = ALERTS[i]!;
        const sign = spec.worseWhen === "above" ? ">" : "<";
        return [
          a.label,
          `${sign}${formatThreshold(spec.warning, spec.unit)}`,
          `${sign}${formatThreshold(spec.critical, spec.unit)}`,
          a.current,
          provenanceLabel(a.provenance),
          a.status === "not measured" ? "not measured" : a.status.toUpperCase(),
        ];
      }),
    ),
  ];
}
