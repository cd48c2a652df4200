/** The ramp tables of section 7: 7.1 (one target through the steps), 7.2 (bot scenarios), and ramp ratios. */
import { formatCount, formatPercent, formatRatio } from "./figures.ts";
import { formatMs, MEASURED, markdownTable, PENDING } from "./markdown-table.ts";
import type { RampRatio } from "./peer-ratio.ts";
import type { RampRow } from "./ramp.ts";

/** One 7.2 scenario; `row` null until measured. */
export interface BotScenario {
  readonly scenario: string;
  readonly concurrent: number;
  readonly row: RampRow | null;
}

/** The report's 7.2 scenarios, not yet measured (the lead fills them in). */
export const PENDING_BOT_SCENARIOS: readonly BotScenario[] = Object.freeze([
  { scenario: "Buyer Bot Only", concurrent: 50, row: null },
  { scenario: "Seller Bot Only", concurrent: 50, row: null },
  { scenario: "Mixed (30+30)", concurrent: 60, row: null },
]);

/** The 7.1 table for one target. */
export function renderRampTable(rows: readonly RampRow[]): string {
  return markdownTable(
    ["Users", "Requests", "Throughput (rps)", "P50 (ms)", "P95 (ms)", "P99 (ms)", "Error Rate", "Source"],
    rows.map((r) => [
      String(r.users),
      formatCount(r.requests),
      formatCount(r.throughputRps),
      formatMs(r.latency?.p50),
      formatMs(r.latency?.p95),
      formatMs(r.latency?.p99),
      formatPercent(r.errorRate),
      MEASURED,
    ]),
  );
}

/** The 7.2 table; scenarios not yet measured show dashes and "pending". */
export function renderBotTable(scenarios: readonly BotScenario[]): string {
  return markdownTable(
    [
      "Scenario",
      "Concurrent",
      "Throughput (rps)",
      "P50 (ms)",
      "P95 (ms)",
      "P99 (ms)",
      "Error Rate",
      "Source",
    ],
    scenarios.map(({ scenario, concurrent, row }) => [
      scenario,
      String(concurrent),
      row ? formatCount(row.throughputRps) : "—",
      formatMs(row?.latency?.p50),
      formatMs(row?.latency?.p95),
      formatMs(row?.latency?.p99),
      row ? formatPercent(row.errorRate) : "—",
      row ? MEASURED : PENDING,
    ]),
  );
}

/** Ramp ratios of a target against a peer, step by step. */
export function renderRampRatioTable(ratios: readonly RampRatio[]): string {
  return markdownTable(
    ["Users", "Throughput ratio", "P50 ratio", "P99 ratio", "Source"],
    ratios.map((r) => [
      String(r.users),
      formatRatio(r.throughput),
      formatRatio(r.p50),
      formatRatio(r.p99),
      MEASURED,
    ]),
  );
}
