/** The runners' results lack something the report cannot do without (a runner bug, not a slow run). */
export class IncompleteResultsError extends Error {
  readonly code = "incomplete_results";
  override readonly name = "IncompleteResultsError";
}
