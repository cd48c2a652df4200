/** The cost ledger in PostgreSQL / PGlite: one row per billed attempt, summed in SQL. */
import type { CostEntry, CostLedger, CostSummaryRow } from "../../ports/cost-ledger.ts";
import type { SqlQueryable } from "./sql-client.ts";

// The id is the primary key: a retried or replayed record of the same attempt is stored once.
const RECORD = `
  INSERT INTO cost_ledger (id, tenant, operation, model, input_tokens, output_tokens, cache_write_tokens,
                           cache_read_tokens, llm_micros, infra_micros, at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (id) DO NOTHING`;

// Sums of bigint are numeric and come back as strings; they are exact integers, converted below.
const SUMMARY = `
  SELECT operation, model, count(*) AS count,
         sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
         sum(cache_write_tokens) AS cache_write_tokens, sum(cache_read_tokens) AS cache_read_tokens,
         sum(llm_micros) AS llm_micros, sum(infra_micros) AS infra_micros
  FROM cost_ledger WHERE tenant = $1
  GROUP BY operation, model
  ORDER BY operation COLLATE "C", model COLLATE "C" NULLS FIRST`;

type Numeric = string | number;

interface SummaryRow {
  operation: string;
  model: string | null;
  count: Numeric;
  input_tokens: Numeric;
  output_tokens: Numeric;
  cache_write_tokens: Numeric;
  cache_read_tokens: Numeric;
  llm_micros: Numeric;
  infra_micros: Numeric;
}

/** CostLedger over the `cost_ledger` table. */
export class PostgresCostLedger implements CostLedger {
  readonly #sql: SqlQueryable;

  constructor(sql: SqlQueryable) {
    this.#sql = sql;
  }

  /** Records one billed attempt; a second record with the same id is ignored. */
  async record(entry: CostEntry): Promise<void> {
    await this.#sql.query(RECORD, [
      entry.id,
      entry.tenant,
      entry.operation,
      entry.model ?? null,
      entry.inputTokens,
      entry.outputTokens,
      entry.cacheWriteTokens,
      entry.cacheReadTokens,
      entry.llmMicros,
      entry.infraMicros,
      entry.at,
    ]);
  }

  /** Totals by operation and model for one tenant, ordered by operation then model (none first). */
  async summary(tenant: string): Promise<CostSummaryRow[]> {
    const rows = await this.#sql.query<SummaryRow>(SUMMARY, [tenant]);
    return rows.map((row) => ({
      operation: row.operation,
      model: row.model,
      count: Number(row.count),
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      cacheWriteTokens: Number(row.cache_write_tokens),
      cacheReadTokens: Number(row.cache_read_tokens),
      llmMicros: Number(row.llm_micros),
      infraMicros: Number(row.infra_micros),
    }));
  }
}
