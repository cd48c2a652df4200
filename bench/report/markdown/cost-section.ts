/** Section 5: per-operation costs, cost model, monthly projections and caching impact, per price profile. */
import { formatUsd } from "../../../src/domain/cost/money.ts";
import { PRICE_PROFILES, type PriceProfile } from "../../../src/domain/cost/price-table.ts";
import { PUBLISHED_OPERATION_COSTS } from "../../calibration.ts";
import { SAVINGS_DAILY_REQUESTS } from "../cost-tables.ts";
import { formatNumber } from "../format.ts";
import type { ProfileCosts, Report } from "../report-model.ts";
import { bar, combinedProvenance, fenced, markdownTable } from "./text-blocks.ts";

/** µ$ per million units as "$x / 1M" (tokens) or, scaled, "$x / 1K" (ops, queries, requests). */
const perMillion = (micros: number) => formatUsd(micros);
const perThousand = (micros: number) => formatUsd(Math.round(micros / 1_000));

function operationTable(p: ProfileCosts): string[] {
  return markdownTable(
    [
      "Operation",
      "Source",
      "Tokens",
      "LLM Cost",
      "Infra Cost",
      "Total Cost",
      "Published Total",
      "Target",
      "Status",
    ],
    p.operations.map((o) => {
      const pub = PUBLISHED_OPERATION_COSTS[o.operation];
      return [
        `**${o.label}**`,
        o.provenance,
        formatNumber(o.tokens, 0),
        formatUsd(o.llmMicros),
        formatUsd(o.infraMicros),
        `**${formatUsd(o.totalMicros)}**`,
        `${formatUsd(pub.llmMicros + pub.infraMicros)} (~${formatNumber(pub.tokens, 0)} tokens)`,
        `<${formatUsd(o.targetMicros)}`,
        o.status,
      ];
    }),
  );
}

function priceTable(profile: PriceProfile): string[] {
  const models = Object.entries(profile.models).map(([model, m]) => [
    `\`${model}\``,
    perMillion(m.input),
    perMillion(m.output),
    perMillion(m.cacheWrite5m),
    perMillion(m.cacheWrite1h),
    perMillion(m.cacheRead),
  ]);
  const { infra } = profile;
  return [
    ...markdownTable(
      ["Model ($ / 1M tokens)", "Input", "Output", "Cache write 5m", "Cache write 1h", "Cache read"],
      models,
    ),
    "",
    `Infrastructure: Redis ${perThousand(infra.redisOp)} / 1K ops, PostgreSQL ${perThousand(infra.postgresQuery)} / 1K queries, compute ${perThousand(infra.request)} / 1K requests.`,
  ];
}

function projectionTable(p: ProfileCosts, source: string): string[] {
  return markdownTable(
    [
      "Volume Tier",
      "Source",
      "Daily Requests",
      "Monthly LLM",
      "Monthly Infra",
      "Monthly Total",
      "Per-Request Avg",
    ],
    p.projections.map((r) => [
      `**${r.tier}**`,
      source,
      formatNumber(r.dailyRequests, 0),
      formatUsd(r.llmMicros),
      formatUsd(r.infraMicros),
      `**${formatUsd(r.totalMicros)}**`,
      formatUsd(r.perRequestMicros),
    ]),
  );
}

function savingsChart(p: ProfileCosts, source: string): string[] {
  const width = 40;
  const base = p.savings[0]!.monthlyMicros;
  return fenced([
    `  LLM cost through caching (monthly, ${formatNumber(SAVINGS_DAILY_REQUESTS, 0)} daily requests, ${p.profile}; ${source})`,
    `  ${"─".repeat(width + 17)}`,
    ...p.savings.map((s) => {
      const label = s.tiers === 0 ? "Without cache" : `With ${s.label}`;
      const cut = base === 0 ? "" : `  (-${((s.savedMonthlyMicros / base) * 100).toFixed(0)}%)`;
      return `  ${label.padEnd(14)} │${bar(s.monthlyMicros, base, width)}│ ${formatUsd(s.monthlyMicros)}/mo${s.tiers === 0 ? "" : cut}`;
    }),
    `                 └${"─".repeat(width)}┘`,
  ]);
}

/** Section 5. */
export function costSection(report: Report): string[] {
  const { cache, costs } = report.results;
  const usage = costs.find((c) => c.operation === "lead_qualification")?.provenance ?? "modeled";
  const derived = combinedProvenance(usage, cache.overall.latency.provenance);
  const perProfile = (title: string, render: (p: ProfileCosts) => string[]) =>
    report.costs.flatMap((p) => ["", `#### ${title} — price profile \`${p.profile}\``, "", ...render(p)]);
  return [
    "## 5. Cost Analysis Per Operation",
    "",
    "Computed by the domain cost calculator from the token and infra usage this run recorded, under both price profiles: `list-2026` (Anthropic list prices) and `report-2026-02` (the report's section 5.2). The report's own LLM column implies ~$20 per million tokens, which neither price table gives.",
    "",
    "### 5.1 Per-Operation Cost Breakdown",
    ...perProfile("Per operation", operationTable),
    "",
    "### 5.2 Cost Model Assumptions",
    ...perProfile("Prices", (p) => priceTable(PRICE_PROFILES[p.profile])),
    "",
    "### 5.3 Monthly Cost Projections",
    "",
    "Per-request LLM cost = one qualification's LLM cost × the cache benchmark's miss share; infrastructure is the report's fixed monthly amount per tier.",
    ...perProfile("Projections", (p) => [
      `Per-request LLM: ${formatUsd(p.perRequestLlmMicros)} (${formatUsd(p.costPerCallMicros)} per call).`,
      "",
      ...projectionTable(p, derived),
    ]),
    "",
    "### 5.4 Cost Optimization Impact",
    ...perProfile("Caching impact", (p) => savingsChart(p, derived)),
  ];
}
