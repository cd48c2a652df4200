/**
 * A request budget shared by every instance of the service, e.g. GoHighLevel's 100 requests / 10 s
 * per location: each instance's own window cannot see what the others send.
 */
export interface SendBudget {
  /**
   * Reserves up to `count` requests starting at `now` (ms); answers how many were granted and, when
   * fewer, the earliest time the rest may be asked for again.
   */
  reserve(count: number, now: number): Promise<{ granted: number; retryAt: number }>;
}

export const SEND_BUDGET = Symbol.for("eh.SendBudget");
