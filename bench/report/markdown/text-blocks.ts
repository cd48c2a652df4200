/**
 * The building blocks of report.md: markdown tables, the box-drawn scorecard, ASCII bars and fenced
 * blocks. Widths count UTF-16 units, so cells stay in plain text (no emoji, no wide characters).
 */
import type { Provenance } from "../types.ts";

/** A GitHub-flavoured markdown table; `|` inside a cell is escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)];
}

/** A table drawn with box characters, columns padded to their widest cell (the report's scorecard). */
export function boxTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const inner = widths.reduce((a, w) => a + w + 3, -1);
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}`;
  const line = (cells: readonly string[]) =>
    `│${widths.map((w, i) => ` ${(cells[i] ?? "").padEnd(w)} `).join("│")}│`;
  const pad = Math.max(0, inner - title.length);
  const centred = `${" ".repeat(Math.floor(pad / 2))}${title}${" ".repeat(Math.ceil(pad / 2))}`;
  return [
    `┌${"─".repeat(inner)}┐`,
    `│${centred}│`,
    rule("├", "┬", "┤"),
    line(header),
    rule("├", "┼", "┤"),
    ...rows.map(line),
    rule("└", "┴", "┘"),
  ];
}

/** `width` cells of which a share `value / scale` is filled; a positive value shows at least one block. */
export function bar(value: number, scale: number, width: number): string {
  const ratio = scale > 0 ? Math.max(0, value) / scale : 0;
  const filled = Math.min(width, Math.max(value > 0 ? 1 : 0, Math.round(ratio * width)));
  return `${"█".repeat(filled)}${" ".repeat(width - filled)}`;
}

/** A fenced code block around `lines`. */
export function fenced(lines: readonly string[], language = ""): string[] {
  return [`\`\`\`${language}`, ...lines, "```"];
}

/** "measured" when every source is measured, else "modeled": a figure is only as measured as its inputs. */
export function combinedProvenance(...sources: readonly Provenance[]): Provenance {
  return sources.every((s) => s === "measured") ? "measured" : "modeled";
}
