/** The 7.3 table: one process's memory and CPU against the report's targets. */
import { formatFixed, formatMegabytes, formatPercent } from "./figures.ts";
import { MEASURED, markdownTable } from "./markdown-table.ts";
import type { ResourceReport } from "./resources.ts";

/**
 * The 7.3 table with the report's targets. CPU is a share of ONE core: a Node.js process runs its
 * JavaScript on one thread, so one core is its ceiling whatever the machine has.
 */
export function renderResourceTable(r: ResourceReport): string {
  const mb = 1024 * 1024;
  const headroom = (measured: number, target: number) => formatPercent(Math.max(0, 1 - measured / target), 1);
  const rows: string[][] = [
    ["Memory baseline (RSS)", "—", formatMegabytes(r.baselineRssBytes), "—", MEASURED],
    [
      "Memory peak (RSS, under load)",
      "<2,048 MB",
      formatMegabytes(r.peakRssBytes),
      headroom(r.peakRssBytes, 2048 * mb),
      MEASURED,
    ],
    [
      "Memory growth (RSS, after)",
      "<500 MB",
      formatMegabytes(r.rssGrowthBytes, true),
      headroom(Math.max(0, r.rssGrowthBytes), 500 * mb),
      MEASURED,
    ],
    [
      "CPU average (% of one core)",
      "<80%",
      `${formatFixed(r.cpuAvgPercent, 1)}%`,
      headroom(r.cpuAvgPercent, 80),
      MEASURED,
    ],
    ["CPU peak interval (% of one core)", "—", `${formatFixed(r.cpuPeakPercent, 1)}%`, "—", MEASURED],
  ];
  if (r.peakHeapBytes !== null) {
    rows.push([
      "Heap used baseline → peak",
      "—",
      `${formatMegabytes(r.baselineHeapBytes)} → ${formatMegabytes(r.peakHeapBytes)}`,
      "—",
      MEASURED,
    ]);
  }
  return markdownTable(["Resource", "Target", "Measured", "Headroom", "Source"], rows);
}
