/** The one-line progress the load test prints as each figure is measured. */
import type { LatencySummary } from "../../src/domain/percentiles.ts";
import { formatCount, formatFixed, formatPercent, formatRatio } from "./figures.ts";
import { formatMs } from "./markdown-table.ts";
import type { RampRow } from "./ramp.ts";
import type { RampRatioTable } from "./report-section.ts";

/** "  <target> <users> conn <rps> rps p50 … p99 … errors …". */
export function rampLine(target: string, row: RampRow): string {
  return (
    `  ${target.padEnd(16)} ${String(row.users).padStart(3)} conn  ${formatCount(row.throughputRps).padStart(7)} rps` +
    `  p50 ${formatMs(row.latency?.p50)} ms  p99 ${formatMs(row.latency?.p99)} ms` +
    `  errors ${formatPercent(row.errorRate)}${statusNote(row)}`
  );
}

/** "  <ours> ÷ <peer>: 10: rps ×… p99 ×… | …". */
export function ratioLine(table: RampRatioTable): string {
  const steps = table.ratios.map(
    (r) => `${r.users}: rps ${formatRatio(r.throughput)} p99 ${formatRatio(r.p99)}`,
  );
  return `  ${table.ours} ÷ ${table.peer}: ${steps.join(" | ")}`;
}

/** "  <label>: p50 … ms  p99 … ms (n=…)". */
export function latencyLine(label: string, s: LatencySummary): string {
  return `  ${label}: p50 ${formatFixed(s.p50)} ms  p99 ${formatFixed(s.p99)} ms (n=${s.count})`;
}

/** The statuses other than 200 and the connection errors, when there were any. */
function statusNote(row: RampRow): string {
  const others = Object.entries(row.statusCounts).filter(([status]) => status !== "200" && status !== "201");
  const parts = [
    ...others.map(([status, n]) => `${status}×${n}`),
    ...(row.errors ? [`conn×${row.errors}`] : []),
  ];
  return parts.length ? ` (${parts.join(", ")})` : "";
}
