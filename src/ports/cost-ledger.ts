/** One billed operation. Money is integer micro-dollars (1 USD = 1,000,000). */
export interface CostEntry {
  /** Unique per billed attempt: recording the same id twice stores it once. */
  id: string;
  tenant: string;
  operation: string;
  model?: string;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  llmMicros: number;
  infraMicros: number;
  at: number;
}

export interface CostSummaryRow {
  operation: string;
  model: string | null;
  count: number;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  llmMicros: number;
  infraMicros: number;
}

export interface CostLedger {
  record(entry: CostEntry): Promise<void>;
  /** Totals by operation and model for one tenant. */
  summary(tenant: string): Promise<CostSummaryRow[]>;
}

export const COST_LEDGER = Symbol.for("eh.CostLedger");
