/**
 * A horizontal bar chart as hand-written SVG (no dependencies). Deterministic: coordinates are
 * written with one decimal, nothing is random or dated, attributes come in a fixed order.
 */

/** One bar, and optionally the target it is measured against (drawn as a dashed tick). */
export interface SvgBar {
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly target?: { readonly value: number; readonly text: string };
}

/** What to draw: bars on a linear scale from 0 to `scaleMax`, and an optional line across all bars. */
export interface SvgBarChart {
  readonly title: string;
  readonly subtitle: string;
  readonly bars: readonly SvgBar[];
  readonly scaleMax: number;
  readonly axisText: string;
  readonly referenceLine?: { readonly value: number; readonly text: string };
}

const WIDTH = 800;
const LEFT = 150;
const PLOT = 400;
const ROW = 34;
const TOP = 64;

/** Text made safe for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A number as an SVG coordinate: one decimal, never NaN or -0. */
function coordinate(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`SVG coordinate must be finite, got ${n}`);
  const fixed = n.toFixed(1);
  return fixed === "-0.0" ? "0.0" : fixed;
}

const text = (x: number, y: number, content: string, attrs = "") =>
  `<text x="${coordinate(x)}" y="${coordinate(y)}"${attrs}>${escapeXml(content)}</text>`;

/** The chart as a standalone SVG document. */
export function renderBarChart(chart: SvgBarChart): string {
  const scale = chart.scaleMax > 0 ? chart.scaleMax : 1;
  const x = (value: number) => LEFT + (Math.min(Math.max(value, 0), scale) / scale) * PLOT;
  const height = TOP + chart.bars.length * ROW + 40;
  const rows = chart.bars.flatMap((b, i) => {
    const y = TOP + i * ROW;
    const parts = [
      text(LEFT - 8, y + 17, b.label, ' text-anchor="end"'),
      `<rect x="${coordinate(LEFT)}" y="${coordinate(y + 4)}" width="${coordinate(x(b.value) - LEFT)}" height="18" fill="#3b82f6"/>`,
      text(LEFT + PLOT + 64, y + 17, b.valueText),
    ];
    if (b.target) {
      const tx = coordinate(x(b.target.value));
      parts.push(
        `<line x1="${tx}" y1="${coordinate(y)}" x2="${tx}" y2="${coordinate(y + 26)}" stroke="#dc2626" stroke-width="2" stroke-dasharray="4 2"/>`,
        text(x(b.target.value) + 4, y + 32, b.target.text, ' class="small" fill="#dc2626"'),
      );
    }
    return parts;
  });
  const axisY = TOP + chart.bars.length * ROW + 4;
  const reference = chart.referenceLine
    ? [
        `<line x1="${coordinate(x(chart.referenceLine.value))}" y1="${coordinate(TOP - 6)}" x2="${coordinate(x(chart.referenceLine.value))}" y2="${coordinate(axisY)}" stroke="#dc2626" stroke-width="2" stroke-dasharray="6 3"/>`,
        text(
          x(chart.referenceLine.value),
          TOP - 10,
          chart.referenceLine.text,
          ' text-anchor="end" class="small" fill="#dc2626"',
        ),
      ]
    : [];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${coordinate(height)}" viewBox="0 0 ${WIDTH} ${coordinate(height)}" role="img">`,
    `<title>${escapeXml(chart.title)}</title>`,
    "<style>text{font-family:sans-serif;font-size:13px;fill:#111827}.small{font-size:11px}.title{font-size:16px;font-weight:bold}</style>",
    `<rect x="0" y="0" width="${WIDTH}" height="${coordinate(height)}" fill="#ffffff"/>`,
    text(16, 24, chart.title, ' class="title"'),
    text(16, 42, chart.subtitle, ' class="small"'),
    ...rows,
    ...reference,
    `<line x1="${coordinate(LEFT)}" y1="${coordinate(axisY)}" x2="${coordinate(LEFT + PLOT)}" y2="${coordinate(axisY)}" stroke="#6b7280"/>`,
    text(LEFT, axisY + 16, "0", ' class="small"'),
    text(LEFT + PLOT, axisY + 16, chart.axisText, ' text-anchor="end" class="small"'),
    "</svg>",
    "",
  ].join("\n");
}
