/**
 * The application's one retry layer for model calls (the SDK's own retries are off).
 * Exponential backoff with full jitter, a server's retry-after honoured, and a total time budget.
 */
export interface RetryPolicy {
  /** Attempts on one model before falling back to the next in the chain. */
  attemptsPerModel: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry or fallback starts once this much time has passed since the first attempt. */
  totalBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attemptsPerModel: 2,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  totalBudgetMs: 45_000,
};

/**
 * Delay before retry number `retry` (1 = first retry): the server's retry-after when it gave one,
 * else full jitter: uniform in [0, min(maxDelay, base * 2^(retry-1))]. `u` is a uniform draw in [0, 1).
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, u: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(u * ceiling);
}
