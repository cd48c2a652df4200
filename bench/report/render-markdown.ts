/**
 * report.md in the published layout: title, sections 1–9 and Appendix A. Each section lives in
 * bench/report/markdown/; this file only puts them in order. Deterministic: no clock, no locale.
 */
import { cacheSection } from "./markdown/cache-section.ts";
import { comparisonSection, loadSection } from "./markdown/comparison-load-sections.ts";
import { costSection } from "./markdown/cost-section.ts";
import { latencySection } from "./markdown/latency-section.ts";
import { appendixSection, methodologySection } from "./markdown/methodology-section.ts";
import { orchestrationSection } from "./markdown/orchestration-section.ts";
import { recommendationsSection } from "./markdown/recommendations-section.ts";
import { summarySection, titleBlock } from "./markdown/summary-section.ts";
import type { Report } from "./report-model.ts";

const SECTIONS = [
  titleBlock,
  summarySection,
  latencySection,
  cacheSection,
  orchestrationSection,
  costSection,
  comparisonSection,
  loadSection,
  recommendationsSection,
  methodologySection,
  appendixSection,
] as const;

/** The whole report as markdown, sections separated by a rule, ending in one newline. */
export function renderMarkdown(report: Report): string {
  return `${SECTIONS.map((section) => section(report).join("\n")).join("\n\n---\n\n")}\n`;
}
