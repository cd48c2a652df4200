/**
 * From the runners' results to the report: checks, alerts, scorecard, grade and the cost tables under
 * every price profile (the primary one first). Pure: the same results give the same report.
 */
import { PRICE_PROFILES } from "../../src/domain/cost/price-table.ts";
import { PRIMARY_PRICE_PROFILE } from "../thresholds.ts";
import { evaluateAlerts, evaluateChecks } from "./checks.ts";
import { profileCosts } from "./cost-tables.ts";
import { gradeScorecard } from "./grade.ts";
import type { Report } from "./report-model.ts";
import { evaluateScorecard } from "./scorecard.ts";
import type { BenchResults } from "./types.ts";

/** The price profiles in report order: the primary one, then the others by name. */
export function profilesInReportOrder() {
  const others = Object.values(PRICE_PROFILES)
    .filter((p) => p.name !== PRIMARY_PRICE_PROFILE)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return [PRICE_PROFILES[PRIMARY_PRICE_PROFILE], ...others];
}

/** Everything the report derives from `results`. */
export function buildReport(results: BenchResults): Report {
  const scorecard = evaluateScorecard(results);
  return {
    results,
    checks: evaluateChecks(results),
    alerts: evaluateAlerts(results),
    scorecard,
    grade: gradeScorecard(scorecard),
    costs: profilesInReportOrder().map((profile) => profileCosts(results, profile)),
  };
}
