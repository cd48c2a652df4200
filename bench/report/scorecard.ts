/**
 * The section 1 scorecard: each target with this run's figure, its margin and PASS / FAIL. A row the
 * run could not produce (no load test in simulated mode) is "NOT RUN" and is left out of the grade.
 */
import { SCORECARD, type ScorecardSpec } from "../thresholds.ts";
import { satisfies } from "./checks.ts";
import { formatMetric, formatNumber, formatThreshold } from "./format.ts";
import { readMetric } from "./metrics.ts";
import type { ScorecardRow } from "./report-model.ts";
import type { BenchResults } from "./types.ts";

/** Relative headroom: the share of the target left unused ("<"), or by which it is exceeded (">"). */
export function headroom(value: number, spec: Pick<ScorecardSpec, "comparator" | "target">): number {
  const gap = spec.comparator === "<" ? spec.target - value : value - spec.target;
  return gap / spec.target;
}

/**
 * The margin as the report prints it: headroom in percent for "<" targets ("99.1%"), percentage points
 * for ">" rate targets ("+1.1pp"), a multiple for ">" counts ("5.1x").
 */
export function formatMargin(
  value: number,
  spec: Pick<ScorecardSpec, "comparator" | "target" | "unit">,
): string {
  if (spec.comparator === "<") return `${formatNumber(headroom(value, spec) * 100, 1)}%`;
  if (spec.unit === "%") {
    const pp = value - spec.target;
    return `${pp >= 0 ? "+" : ""}${pp.toFixed(1)}pp`;
  }
  return `${formatNumber(value / spec.target, 1)}x`;
}

/** One scorecard row on `results`. */
export function scorecardRow(results: BenchResults, spec: ScorecardSpec): ScorecardRow {
  const reading = readMetric(results, spec.metric);
  const base = {
    label: spec.label,
    category: spec.category,
    target: `${spec.comparator}${formatThreshold(spec.target, spec.unit)}`,
  };
  if (!reading) {
    return {
      ...base,
      actual: "—",
      value: undefined,
      headroom: undefined,
      margin: "—",
      status: "NOT RUN",
      provenance: undefined,
    };
  }
  return {
    ...base,
    actual: formatMetric(reading.value, spec.unit),
    value: reading.value,
    headroom: headroom(reading.value, spec),
    margin: formatMargin(reading.value, spec),
    status: satisfies(reading.value, spec.comparator, spec.target) ? "PASS" : "FAIL",
    provenance: reading.provenance,
  };
}

/** Every scorecard row of `specs` (section 1 by default), in order. */
export function evaluateScorecard(
  results: BenchResults,
  specs: readonly ScorecardSpec[] = SCORECARD,
): ScorecardRow[] {
  return specs.map((spec) => scorecardRow(results, spec));
}
