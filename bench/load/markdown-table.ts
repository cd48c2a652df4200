/** Markdown table building blocks shared by the section 7 tables. */
import { formatFixed } from "./figures.ts";

/** The Source of a figure measured in this run. */
export const MEASURED = "measured";
/** The Source of a row not measured yet (filled in by a later run). */
export const PENDING = "pending";

/** Milliseconds with two decimals; "—" when there is no figure. */
export function formatMs(value: number | undefined): string {
  return value === undefined ? "—" : formatFixed(value);
}

/** A markdown table; "|" in a cell is escaped so it cannot split the row. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}
