/**
 * The report: the runners' results and everything derived from them (checks, alerts, scorecard,
 * grade, costs under each price profile). report.json is this object; report.md and the SVGs render it.
 */
import type { CacheScenario } from "../../src/domain/cost/caching-savings.ts";
import type { PriceProfileName } from "../../src/domain/cost/price-table.ts";
import type { BenchResults, OperationId, Provenance } from "./types.ts";

/** PASS / FAIL of one Appendix A check. */
export interface CheckResult {
  readonly label: string;
  readonly passed: boolean;
  /** The figure checked, formatted ("0.60ms", "88.1%"); "n/a" when the run did not produce it. */
  readonly detail: string;
  readonly value: number | undefined;
  readonly provenance: Provenance | undefined;
}

/** State of an alert threshold (section 8.3). */
export type AlertStatus = "ok" | "warning" | "critical" | "not measured";

/** One alert threshold evaluated on this run. */
export interface AlertResult {
  readonly label: string;
  readonly status: AlertStatus;
  readonly value: number | undefined;
  readonly current: string;
  readonly provenance: Provenance | undefined;
}

/** One scorecard row (section 1): target, actual, margin and status. */
export interface ScorecardRow {
  readonly label: string;
  readonly category: GradeCategory;
  readonly target: string;
  readonly actual: string;
  readonly value: number | undefined;
  /** Relative headroom: (target − actual) / target for "<" rows, (actual − target) / target for ">". */
  readonly headroom: number | undefined;
  /** The margin as the report shows it ("99.1%", "+1.1pp", "5.1x"). */
  readonly margin: string;
  readonly status: "PASS" | "FAIL" | "NOT RUN";
  readonly provenance: Provenance | undefined;
}

/** The grade's categories (section 1). */
export type GradeCategory = "api" | "cache" | "cost" | "throughput" | "resources";

/** One category's score and its weighted contribution. */
export interface CategoryScore {
  readonly category: GradeCategory;
  readonly label: string;
  /** 0..100, one decimal; undefined when no row of the category was measured. */
  readonly score: number | undefined;
  /** The category's weight, whole percent (the weights sum to 100). */
  readonly weightPercent: number;
  /** score × weight, renormalized over the scored categories, one decimal. */
  readonly weighted: number | undefined;
}

/** The weighted grade. */
export interface Grade {
  readonly categories: readonly CategoryScore[];
  /** 0..100, one decimal: the sum of the weighted column. */
  readonly total: number;
  readonly letter: string;
  readonly targetsMet: number;
  readonly targetsScored: number;
}

/** One priced operation under one price profile (section 5.1). */
export interface OperationCostRow {
  readonly operation: OperationId;
  readonly label: string;
  readonly tokens: number;
  readonly llmMicros: number;
  readonly infraMicros: number;
  readonly totalMicros: number;
  readonly targetMicros: number;
  readonly status: "PASS" | "MARGINAL" | "FAIL";
  readonly provenance: Provenance;
}

/** One volume tier's month (section 5.3). */
export interface ProjectionRow {
  readonly tier: string;
  readonly dailyRequests: number;
  readonly llmMicros: number;
  readonly infraMicros: number;
  readonly totalMicros: number;
  readonly perRequestMicros: number;
}

/** Sections 3.5 and 5.1–5.4 under one price profile. */
export interface ProfileCosts {
  readonly profile: PriceProfileName;
  readonly operations: readonly OperationCostRow[];
  /** One uncached qualification's LLM cost: what a cache miss costs. */
  readonly costPerCallMicros: number;
  /** costPerCall × the cache benchmark's miss share: the average LLM cost of a request. */
  readonly perRequestLlmMicros: number;
  readonly projections: readonly ProjectionRow[];
  /** No cache, then L1, L1+L2, L1+L2+L3, at SAVINGS_DAILY_REQUESTS a day. */
  readonly savings: readonly CacheScenario[];
}

/** The whole report: the results and everything derived from them. */
export interface Report {
  readonly results: BenchResults;
  readonly checks: readonly CheckResult[];
  readonly alerts: readonly AlertResult[];
  readonly scorecard: readonly ScorecardRow[];
  readonly grade: Grade;
  readonly costs: readonly ProfileCosts[];
}
