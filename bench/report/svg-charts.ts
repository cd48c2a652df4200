/**
 * The report's SVG charts: each endpoint's P50 / P95 / P99 against its P99 target, and each cache
 * tier's hit rate against its target. Every value label says whether it was modeled or measured.
 */
import { CHECKS, HIT_RATE_TARGETS } from "../thresholds.ts";
import { formatFraction, formatMs, formatThreshold } from "./format.ts";
import type { Report } from "./report-model.ts";
import { renderBarChart, type SvgBar } from "./svg-bar-chart.ts";
import { type CacheResult, ENDPOINTS, type EndpointResult } from "./types.ts";

/** One chart file: its name in the output folder and its SVG text. */
export interface SvgChart {
  readonly file: string;
  readonly svg: string;
}

/** P50 / P95 / P99 of one endpoint on a 0..max(target, P99) scale, the P99 target as a dashed line. */
export function latencyChart(endpoint: EndpointResult, targetMs: number): string {
  const { latency } = endpoint;
  const scaleMax = Math.max(targetMs, latency.p99);
  const bar = (label: string, value: number) => ({
    label,
    value,
    valueText: `${formatMs(value)} (${latency.provenance})`,
  });
  return renderBarChart({
    title: `${ENDPOINTS[endpoint.endpoint]} latency`,
    subtitle: `${latency.count} requests; P99 target < ${formatThreshold(targetMs, "ms")}`,
    bars: [bar("P50", latency.p50), bar("P95", latency.p95), bar("P99", latency.p99)],
    scaleMax,
    axisText: formatThreshold(scaleMax, "ms"),
    referenceLine: { value: targetMs, text: `target ${formatThreshold(targetMs, "ms")}` },
  });
}

/** Each tier's and the overall share of requests served, each against its own target. */
export function hitRateChart(cache: CacheResult): string {
  const bars: SvgBar[] = cache.tiers.map((t) => ({
    label: t.tier,
    value: t.hitRate * 100,
    valueText: `${formatFraction(t.hitRate)} (${t.latency.provenance})`,
    target: { value: HIT_RATE_TARGETS[t.tier], text: `target ${HIT_RATE_TARGETS[t.tier]}%` },
  }));
  const { overall } = cache;
  bars.push({
    label: "Overall",
    value: overall.hitRate * 100,
    valueText: `${formatFraction(overall.hitRate)} (${overall.latency.provenance})`,
    target: { value: HIT_RATE_TARGETS.overall, text: `target ${HIT_RATE_TARGETS.overall}%` },
  });
  return renderBarChart({
    title: "Cache hit rate by tier",
    subtitle: `${cache.operations} operations; share of all requests served by each tier`,
    bars,
    scaleMax: 100,
    axisText: "100%",
  });
}

/** Every chart of the report, in a fixed order with fixed file names. */
export function renderCharts(report: Report): SvgChart[] {
  const latency = report.results.endpoints.map((e) => {
    const target = CHECKS.find((c) => c.metric === `endpoint.${e.endpoint}.p99`)!.threshold;
    return { file: `latency-${e.endpoint}.svg`, svg: latencyChart(e, target) };
  });
  return [...latency, { file: "cache-hit-rates.svg", svg: hitRateChart(report.results.cache) }];
}
