/**
 * Section 3.5: what the cache saves, at 10,000 requests a day, under each price profile. A request
 * with the cache costs the mean of its hits or, on a miss, the origin (lookups on the way are left out).
 */
import { formatUsd } from "../../../src/domain/cost/money.ts";
import { SAVINGS_DAILY_REQUESTS } from "../cost-tables.ts";
import { formatFraction, formatMs, formatNumber } from "../format.ts";
import type { Report } from "../report-model.ts";
import { combinedProvenance, markdownTable } from "./text-blocks.ts";

/** The 3.5 table: response time, LLM calls and daily / monthly spend without and with the cache. */
export function cacheSavingsTable(report: Report): string[] {
  const { cache, costs } = report.results;
  const { overall, misses, operations, originLatency } = cache;
  const withCacheMs = (overall.hits * overall.latency.mean + misses * originLatency.mean) / operations;
  const latencySource = combinedProvenance(overall.latency.provenance, originLatency.provenance);
  const qualification = costs.find((c) => c.operation === "lead_qualification");
  const costSource = combinedProvenance(latencySource, qualification?.provenance ?? "modeled");
  const reduction = (without: number, withCache: number) =>
    `**${formatFraction(without === 0 ? 0 : 1 - withCache / without)} reduction**`;
  const rows: string[][] = [
    [
      "Avg response time",
      latencySource,
      `~${formatMs(originLatency.mean)}`,
      `~${formatMs(withCacheMs)}`,
      reduction(originLatency.mean, withCacheMs),
    ],
  ];
  for (const profile of report.costs) {
    const none = profile.savings[0]!;
    const full = profile.savings[profile.savings.length - 1]!;
    if (profile === report.costs[0]) {
      rows.push([
        `LLM API calls/day (${formatNumber(SAVINGS_DAILY_REQUESTS, 0)} requests)`,
        latencySource,
        formatNumber(none.llmCallsPerDay, 0),
        formatNumber(full.llmCallsPerDay, 0),
        reduction(none.llmCallsPerDay, full.llmCallsPerDay),
      ]);
    }
    rows.push(
      [
        `Daily LLM cost, \`${profile.profile}\` (${formatUsd(profile.costPerCallMicros)}/call)`,
        costSource,
        formatUsd(none.dailyMicros),
        formatUsd(full.dailyMicros),
        `**${formatUsd(full.savedDailyMicros)}/day saved**`,
      ],
      [
        `Monthly savings, \`${profile.profile}\``,
        costSource,
        "—",
        "—",
        `**${formatUsd(full.savedMonthlyMicros)}/month**`,
      ],
    );
  }
  return [
    ...markdownTable(["Metric", "Source", "Without Cache", "With Cache", "Savings"], rows),
    "",
    `Without the cache every request pays the origin's mean (${formatMs(originLatency.mean)}); a call costs one lead qualification's LLM cost under each profile (the report assumed $0.03).`,
  ];
}
