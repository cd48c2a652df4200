/** Section 9 (methodology, limitations, scoring rule) and Appendix A (the checks summary block). */
import { ENDPOINT_LATENCY, MIDDLEWARE_LATENCY, TIER_HIT_SHARES, TIER_LATENCY } from "../../calibration.ts";
import { SCORE_RULE } from "../../thresholds.ts";
import { formatMs, formatNumber, provenanceLabel } from "../format.ts";
import type { Report } from "../report-model.ts";
import { fenced, markdownTable } from "./text-blocks.ts";

const MODELS = [
  ["GET /health", ENDPOINT_LATENCY.health],
  ["POST /api/contacts/sync", ENDPOINT_LATENCY.sync],
  ["POST /api/leads/qualify, cache hit", ENDPOINT_LATENCY.qualify.cacheHit],
  ["POST /api/leads/qualify, LLM", ENDPOINT_LATENCY.qualify.llm],
  ["Middleware", MIDDLEWARE_LATENCY],
  ["L1 read", TIER_LATENCY.L1],
  ["L2 read", TIER_LATENCY.L2],
  ["L3 read", TIER_LATENCY.L3],
] as const;

/** Section 9. */
export function methodologySection(report: Report): string[] {
  const { config } = report.results;
  const modeled = config.mode === "simulated";
  const shares = TIER_HIT_SHARES;
  return [
    "## 9. Methodology",
    "",
    "### 9.1 Benchmark Suite",
    "",
    ...markdownTable(
      ["Benchmark", "Iterations", "Model", "Source"],
      [
        [
          "API Response Time",
          `${formatNumber(config.iterations, 0)}/endpoint`,
          modeled ? "Application on simulated adapters, virtual clock" : "Application on real adapters",
          modeled ? "modeled" : "measured",
        ],
        [
          "Cache Performance",
          `${formatNumber(config.cacheIterations, 0)} ops`,
          modeled ? "Real cascade over 3 simulated tiers" : "Real cascade over real tiers",
          modeled ? "modeled" : "measured",
        ],
        [
          "Orchestration Overhead",
          formatNumber(report.results.orchestration.iterations, 0),
          "Real CPU timing, monotonic clock",
          "measured",
        ],
      ],
    ),
    "",
    "### 9.2 Statistical Model",
    "",
    `- Cache hit shares: L1=${shares.L1 * 100}%, L2=${shares.L2 * 100}%, L3=${shares.L3 * 100}%, Miss=${shares.miss * 100}% of all requests`,
    "- Percentiles: linear interpolation between closest ranks on the sorted samples (numpy's default)",
    `- Seed: ${config.seed}; one seeded stream per simulated component, so components never shift each other's draws`,
    "",
    ...markdownTable(
      ["Latency model", "Median", "Sigma", "Derivation"],
      MODELS.map(([name, m]) => [name, formatMs(m.medianMs), m.sigma.toFixed(4), m.derivation]),
    ),
    "",
    "### 9.3 Reproducibility",
    "",
    ...fenced(
      [
        `npm run bench -- --mode ${config.mode} --seed ${config.seed} --iterations ${config.iterations} --cache-iterations ${config.cacheIterations}${config.quick ? " --quick" : ""}`,
      ],
      "bash",
    ),
    "",
    "The same seed, options and code give a byte-identical report.json and report.md; meta.json records when and where the run happened.",
    "",
    "### 9.4 Limitations",
    "",
    ...(modeled
      ? [
          "1. **Modeled latency**: API and cache figures are draws from distributions calibrated to the published report, not network I/O; they reproduce the model, not production.",
          "2. **No external services**: Claude, Redis, PostgreSQL and GoHighLevel are simulated; the application code between them is real.",
        ]
      : [
          "1. **One machine**: services run beside the benchmark; network latency to managed services is not included.",
          "2. **Real services**: results depend on this machine's load and the services' state at the time of the run.",
        ]),
    "3. **Orchestration timings** are real CPU timings and vary with the machine (see meta.json).",
    "4. **Costs** use the two price profiles of `src/domain/cost/price-table.ts`; negotiated rates differ.",
    "",
    "### 9.5 Scoring Rule",
    "",
    `A scorecard row scores clamp(${SCORE_RULE.barePass} + ${100 - SCORE_RULE.barePass} × headroom / ${SCORE_RULE.fullMarksHeadroom * 100}%, 0, 100), where headroom is (target − actual) / target for "<" targets and (actual − target) / target for ">" targets. A category is the mean of its scored rows; the overall score is the weighted sum, over the categories that were scored, with their weights scaled to 100 %.`,
  ];
}

/** Appendix A: the plain-text checks summary, "N/8 checks passed". */
export function appendixSection(report: Report): string[] {
  const { config } = report.results;
  const passed = report.checks.filter((c) => c.passed).length;
  const labelWidth = Math.max(36, ...report.checks.map((c) => c.label.length + 1));
  const rule = "=".repeat(labelWidth + 36);
  const dash = `  ${"-".repeat(labelWidth + 32)}`;
  return [
    "## Appendix A: Raw Benchmark Output",
    "",
    ...fenced([
      rule,
      `  SUMMARY (${config.mode}, seed=${config.seed}, ${formatNumber(config.iterations, 0)} iterations)`,
      rule,
      `  ${"Check".padEnd(labelWidth)} ${"Result".padEnd(10)} ${"Detail".padEnd(12)} Source`,
      dash,
      ...report.checks.map(
        (c) =>
          `  ${c.label.padEnd(labelWidth)} ${(c.passed ? "PASS" : "FAIL").padEnd(10)} ${c.detail.padEnd(12)} ${provenanceLabel(c.provenance)}`,
      ),
      dash,
      `  ${passed}/${report.checks.length} checks passed  [${passed === report.checks.length ? "ALL PASSED" : `${report.checks.length - passed} FAILED`}]`,
      "  Wall time: see meta.json",
      rule,
    ]),
  ];
}
