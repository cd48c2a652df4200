/** Section 3: cache flow, per-tier table with hit counts, hit-rate bars against target, savings. */
import { PUBLISHED_CACHE_OVERALL, PUBLISHED_TIERS } from "../../calibration.ts";
import { CHECKS, HIT_RATE_TARGETS } from "../../thresholds.ts";
import { formatFraction, formatMs, formatNumber, formatThreshold } from "../format.ts";
import type { Report } from "../report-model.ts";
import type { TierResult } from "../types.ts";
import { cacheSavingsTable } from "./cache-savings-table.ts";
import { bar, fenced, markdownTable } from "./text-blocks.ts";

const TIER_LABELS = { L1: "L1 (In-Memory)", L2: "L2 (Redis)", L3: "L3 (PostgreSQL)" } as const;
/** One character per 1.5 percentage points, as wide as the report's own chart. */
const BAR_WIDTH = 66;

const p99Target = (tier: TierResult) => CHECKS.find((c) => c.metric === `tier.${tier.tier}.p99`)!.threshold;

function tierStatus(tier: TierResult): string {
  const p99 = tier.latency.p99 < p99Target(tier) ? "P99 PASS" : "P99 FAIL";
  const rate = tier.hitRate * 100 > HIT_RATE_TARGETS[tier.tier] ? "hit rate met" : "hit rate BELOW target";
  return `${p99}; ${rate}`;
}

function tierRow(tier: TierResult): string[] {
  const pub = PUBLISHED_TIERS[tier.tier];
  const atTier = tier.lookups === 0 ? 0 : tier.hits / tier.lookups;
  const { latency } = tier;
  return [
    `**${TIER_LABELS[tier.tier]}**`,
    latency.provenance,
    `${formatFraction(tier.hitRate)} (${formatNumber(tier.hits, 0)} hits)`,
    `>${HIT_RATE_TARGETS[tier.tier]}%`,
    formatFraction(atTier),
    formatMs(latency.p50),
    formatMs(latency.p95),
    formatMs(latency.p99),
    `<${formatThreshold(p99Target(tier), "ms")}`,
    `${formatFraction(pub.hitRate)} · ${formatMs(pub.p50)} / ${formatMs(pub.p95)} / ${formatMs(pub.p99)}`,
    tierStatus(tier),
  ];
}

function flowDiagram(report: Report): string[] {
  const { tiers, misses, operations } = report.results.cache;
  const cell = (text: string) => text.padEnd(17);
  return [
    "  Request Flow Through Cache Tiers",
    `  ${"─".repeat(72)}`,
    "",
    `  Request ──► ${tiers.map((t) => cell(`${t.tier} ──►`)).join("")}Origin`,
    `              ${tiers.map((t) => cell(`│ HIT: ${formatFraction(t.hitRate)}`)).join("")}│ MISS: ${formatFraction(misses / operations)}`,
    `              ${tiers.map((t) => cell(`│ ~${formatMs(t.latency.p50)}`)).join("")}│ LLM`,
  ];
}

function hitRateBars(report: Report): string[] {
  const { tiers, overall } = report.results.cache;
  const scale = 100;
  const block = (label: string, rate: number, target: number, provenance: string) => [
    `  ${label.padEnd(16)}│${bar(rate * 100, scale, BAR_WIDTH)}│ ${formatFraction(rate)} (${provenance})`,
    `  ${"Target".padEnd(16)} ${"─".repeat(Math.round((target / scale) * BAR_WIDTH)).padEnd(BAR_WIDTH)}  ${target}%`,
  ];
  return [
    "  Cache Hit Rate by Tier (share of all requests)",
    `  ${"─".repeat(BAR_WIDTH + 18)}`,
    ...tiers.flatMap((t) => [
      ...block(TIER_LABELS[t.tier], t.hitRate, HIT_RATE_TARGETS[t.tier], t.latency.provenance),
      "",
    ]),
    ...block("Overall", overall.hitRate, HIT_RATE_TARGETS.overall, overall.latency.provenance),
  ];
}

/** Section 3. */
export function cacheSection(report: Report): string[] {
  const { cache, config } = report.results;
  const { overall, misses, operations } = cache;
  const missRate = misses / operations;
  const pub = PUBLISHED_CACHE_OVERALL;
  const overallPass = report.checks.find((c) => c.label.startsWith("Cache hit rate"))?.passed ?? false;
  return [
    "## 3. Cache Hit Rate Analysis",
    "",
    "### 3.1 Three-Tier Cache Architecture",
    "",
    `${formatNumber(operations, 0)} operations, seed=${config.seed}.`,
    "",
    ...(cache.workload ? [`Workload: ${cache.workload}`, ""] : []),
    ...fenced(flowDiagram(report)),
    "",
    "### 3.2 Per-Tier Performance",
    "",
    "Hit rate is the tier's share of all requests (the report's measure); \"at tier\" is hits / lookups that reached the tier.",
    "",
    ...markdownTable(
      [
        "Tier",
        "Source",
        "Hit Rate",
        "Target",
        "At Tier",
        "P50",
        "P95",
        "P99",
        "Target P99",
        "Published (rate · P50 / P95 / P99)",
        "Status",
      ],
      [
        ...cache.tiers.map(tierRow),
        [
          "**Overall**",
          overall.latency.provenance,
          `**${formatFraction(overall.hitRate)}** (${formatNumber(overall.hits, 0)} hits)`,
          `**>=${HIT_RATE_TARGETS.overall}%**`,
          "—",
          formatMs(overall.latency.p50),
          formatMs(overall.latency.p95),
          formatMs(overall.latency.p99),
          "—",
          `${formatFraction(pub.hitRate)} · ${formatMs(pub.p50)} / ${formatMs(pub.p95)} / ${formatMs(pub.p99)}`,
          overallPass ? "PASS" : "FAIL",
        ],
        [
          "**Miss**",
          overall.latency.provenance,
          `${formatFraction(missRate)} (${formatNumber(misses, 0)})`,
          `<${HIT_RATE_TARGETS.miss}%`,
          ...Array<string>(5).fill("—"),
          `${formatFraction(pub.misses / (pub.hits + pub.misses))}`,
          missRate * 100 < HIT_RATE_TARGETS.miss ? "PASS" : "FAIL",
        ],
      ],
    ),
    "",
    "### 3.3 Cache Hit Rate vs Target",
    "",
    ...fenced(hitRateBars(report)),
    "",
    "### 3.4 Cache Tier Analysis",
    "",
    ...cache.tiers.map(
      (t) =>
        `- **${TIER_LABELS[t.tier]}**: ${formatFraction(t.hitRate)} of requests against a ${HIT_RATE_TARGETS[t.tier]}% target; P99 ${formatMs(t.latency.p99)} against <${formatThreshold(p99Target(t), "ms")} (${t.latency.provenance}).`,
    ),
    "",
    "### 3.5 Cache Savings Estimate",
    "",
    ...cacheSavingsTable(report),
  ];
}
