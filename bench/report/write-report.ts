/**
 * Writes a report into the output folder: report.json and report.md (deterministic), meta.json (when
 * and where it ran) and the SVG charts. Returns the paths written, in a fixed order.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderJson, renderMetaJson } from "./render-json.ts";
import { renderMarkdown } from "./render-markdown.ts";
import type { Report } from "./report-model.ts";
import { renderCharts } from "./svg-charts.ts";
import type { RunMeta } from "./types.ts";

/** Renders `report` and `meta` into `outDir` (created if missing); resolves to the files' paths. */
export async function writeReport(outDir: string, report: Report, meta: RunMeta): Promise<string[]> {
  // Render everything before touching the disk, so a rendering error leaves no half-written folder.
  const files: Array<[string, string]> = [
    ["report.json", renderJson(report)],
    ["report.md", renderMarkdown(report)],
    ["meta.json", renderMetaJson(meta)],
    ...renderCharts(report).map((c): [string, string] => [c.file, c.svg]),
  ];
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    await writeFile(path, content, "utf8");
    paths.push(path);
  }
  return paths;
}
