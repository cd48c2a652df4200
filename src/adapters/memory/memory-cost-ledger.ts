/** The cost ledger in process memory: for tests and for running with no database. */
import type { CostEntry, CostLedger, CostSummaryRow } from "../../ports/cost-ledger.ts";

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** CostLedger over a Map keyed by entry id, so recording an id twice stores it once. */
export class MemoryCostLedger implements CostLedger {
  readonly #entries = new Map<string, CostEntry>();

  /** Records one billed attempt; a second record with the same id is ignored. */
  async record(entry: CostEntry): Promise<void> {
    if (!this.#entries.has(entry.id)) this.#entries.set(entry.id, structuredClone(entry));
  }

  /** Totals by operation and model for one tenant, ordered by operation then model (none first). */
  async summary(tenant: string): Promise<CostSummaryRow[]> {
    const groups = new Map<string, CostSummaryRow>();
    for (const entry of this.#entries.values()) {
      if (entry.tenant !== tenant) continue;
      const model = entry.model ?? null;
      const key = JSON.stringify([entry.operation, model]);
      const row = groups.get(key) ?? {
        operation: entry.operation,
        model,
        count: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheWriteTokens: 0,
        cacheReadTokens: 0,
        llmMicros: 0,
        infraMicros: 0,
      };
      row.count++;
      row.inputTokens += entry.inputTokens;
      row.outputTokens += entry.outputTokens;
      row.cacheWriteTokens += entry.cacheWriteTokens;
      row.cacheReadTokens += entry.cacheReadTokens;
      row.llmMicros += entry.llmMicros;
      row.infraMicros += entry.infraMicros;
      groups.set(key, row);
    }
    return [...groups.values()].sort(
      (a, b) =>
        byText(a.operation, b.operation) ||
        (a.model === null ? (b.model === null ? 0 : -1) : b.model === null ? 1 : byText(a.model, b.model)),
    );
  }
}
