/**
 * Judging a run: the Appendix A checks (PASS / FAIL with the figure) and the section 8.3 alert
 * thresholds (ok / warning / critical). A figure the run did not produce fails its check, since a
 * check that cannot see its number has not passed, and leaves its alert "not measured".
 */
import { ALERTS, type AlertSpec, CHECKS, type CheckSpec } from "../thresholds.ts";
import { formatMetric } from "./format.ts";
import { readMetric } from "./metrics.ts";
import type { AlertResult, AlertStatus, CheckResult } from "./report-model.ts";
import type { BenchResults } from "./types.ts";

/** Whether `value` satisfies `comparator threshold`: "<" and ">" are strict, ">=" is not. */
export function satisfies(value: number, comparator: "<" | ">" | ">=", threshold: number): boolean {
  if (comparator === "<") return value < threshold;
  if (comparator === ">") return value > threshold;
  return value >= threshold;
}

/** One Appendix A check on `results`. */
export function evaluateCheck(results: BenchResults, spec: CheckSpec): CheckResult {
  const reading = readMetric(results, spec.metric);
  if (!reading) {
    return { label: spec.label, passed: false, detail: "n/a", value: undefined, provenance: undefined };
  }
  return {
    label: spec.label,
    passed: satisfies(reading.value, spec.comparator, spec.threshold),
    detail: formatMetric(reading.value, spec.unit),
    value: reading.value,
    provenance: reading.provenance,
  };
}

/** Every check of `specs` (Appendix A by default), in order. */
export function evaluateChecks(results: BenchResults, specs: readonly CheckSpec[] = CHECKS): CheckResult[] {
  return specs.map((spec) => evaluateCheck(results, spec));
}

/** The alert state of `value`: critical past the critical threshold, else warning past the warning one. */
export function alertStatus(value: number, spec: AlertSpec): Exclude<AlertStatus, "not measured"> {
  const past = (threshold: number) => (spec.worseWhen === "above" ? value > threshold : value < threshold);
  if (past(spec.critical)) return "critical";
  if (past(spec.warning)) return "warning";
  return "ok";
}

/** Every alert of `specs` (section 8.3 by default), in order. */
export function evaluateAlerts(results: BenchResults, specs: readonly AlertSpec[] = ALERTS): AlertResult[] {
  return specs.map((spec) => {
    const reading = readMetric(results, spec.metric);
    if (!reading) {
      return {
        label: spec.label,
        status: "not measured",
        value: undefined,
        current: "n/a",
        provenance: undefined,
      };
    }
    return {
      label: spec.label,
      status: alertStatus(reading.value, spec),
      value: reading.value,
      current: formatMetric(reading.value, spec.unit),
      provenance: reading.provenance,
    };
  });
}
