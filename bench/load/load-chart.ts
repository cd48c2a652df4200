/**
 * An SVG chart of a ramp, hand-written and deterministic (same rows → same bytes): throughput (top
 * panel) and P99 latency (bottom panel) against concurrent connections, one line per target.
 * Connections sit at evenly spaced positions (the steps roughly double), values on linear axes from 0.
 */
import type { RampRow } from "./ramp.ts";

/** One line on the chart. */
export interface ChartSeries {
  readonly name: string;
  readonly rows: readonly RampRow[];
}

const WIDTH = 720;
const PANEL_HEIGHT = 220;
const MARGIN = { left: 80, right: 180, top: 40, gap: 60, bottom: 50 };
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
const GRID_LINES = 4;

/** The chart as a standalone SVG document. */
export function renderLoadChart(series: readonly ChartSeries[], title = "Load ramp (measured)"): string {
  const steps = [...new Set(series.flatMap((s) => s.rows.map((r) => r.users)))].sort((a, b) => a - b);
  const height = MARGIN.top + 2 * PANEL_HEIGHT + MARGIN.gap + MARGIN.bottom;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const x = (users: number) =>
    MARGIN.left +
    (steps.length <= 1 ? plotWidth / 2 : (steps.indexOf(users) * plotWidth) / (steps.length - 1));
  const panels = [
    { label: "Throughput (rps)", top: MARGIN.top, pick: (r: RampRow) => r.throughputRps },
    {
      label: "P99 latency (ms)",
      top: MARGIN.top + PANEL_HEIGHT + MARGIN.gap,
      pick: (r: RampRow) => r.latency?.p99,
    },
  ];
  const body = panels.flatMap((panel) => {
    const max = niceCeiling(Math.max(0, ...series.flatMap((s) => s.rows.map(panel.pick).filter(isNumber))));
    const y = (v: number) => panel.top + PANEL_HEIGHT - (v / max) * PANEL_HEIGHT;
    return [
      `<g class="panel">`,
      `<text x="${MARGIN.left}" y="${n(panel.top - 10)}" font-weight="bold">${escapeXml(panel.label)}</text>`,
      ...gridLines(max, y),
      ...steps.map(
        (s) =>
          `<text x="${n(x(s))}" y="${n(panel.top + PANEL_HEIGHT + 18)}" text-anchor="middle">${s}</text>`,
      ),
      ...series.flatMap((s, i) =>
        line(
          s,
          PALETTE[i % PALETTE.length]!,
          (r) => x(r.users),
          (r) => {
            const v = panel.pick(r);
            return isNumber(v) ? y(v) : undefined;
          },
        ),
      ),
      `</g>`,
    ];
  });
  const legend = series.flatMap((s, i) => {
    const ly = MARGIN.top + 10 + i * 22;
    const lx = WIDTH - MARGIN.right + 20;
    return [
      `<rect x="${lx}" y="${ly - 9}" width="14" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`,
      `<text x="${lx + 20}" y="${ly}">${escapeXml(s.name)}</text>`,
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    ...body,
    ...legend,
    `<text x="${n(MARGIN.left + plotWidth / 2)}" y="${height - 12}" text-anchor="middle">Concurrent connections</text>`,
    `</svg>`,
    "",
  ].join("\n");
}

function gridLines(max: number, y: (v: number) => number): string[] {
  return Array.from({ length: GRID_LINES + 1 }, (_, k) => {
    const value = (max / GRID_LINES) * k; // divided first: max * k overflows near the float limit
    return [
      `<line x1="${MARGIN.left}" y1="${n(y(value))}" x2="${WIDTH - MARGIN.right}" y2="${n(y(value))}" stroke="#dddddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${n(y(value) + 4)}" text-anchor="end">${label(value)}</text>`,
    ].join("\n");
  });
}

/** A polyline through the points that have a value (a step with no response leaves a gap), with dots. */
function line(
  series: ChartSeries,
  color: string,
  px: (r: RampRow) => number,
  py: (r: RampRow) => number | undefined,
): string[] {
  const segments: string[][] = [[]];
  const dots: string[] = [];
  for (const row of series.rows) {
    const yv = py(row);
    if (yv === undefined) {
      segments.push([]);
      continue;
    }
    segments.at(-1)!.push(`${n(px(row))},${n(yv)}`);
    dots.push(`<circle cx="${n(px(row))}" cy="${n(yv)}" r="3" fill="${color}"/>`);
  }
  const lines = segments
    .filter((points) => points.length > 1)
    .map(
      (points) => `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>`,
    );
  return [...lines, ...dots];
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `v` (1 for nothing to plot; `v` itself where 10^k under- or overflows). */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= v) ?? 10;
  const ceiling = step * magnitude;
  return ceiling >= v && ceiling > 0 && Number.isFinite(ceiling) ? ceiling : v;
}

function label(v: number): string {
  if (v >= 1000) return `${Number((v / 1000).toFixed(1))}k`;
  return String(Number(v.toFixed(2)));
}

function n(v: number): string {
  return v.toFixed(1);
}

function isNumber(v: number | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Text safe inside an SVG element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
