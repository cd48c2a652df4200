import type { ErasureLog, ErasureRecord } from "../../ports/erasure-log.ts";

/** ErasureLog in process memory. */
export class MemoryErasureLog implements ErasureLog {
  readonly #entries = new Map<string, ErasureRecord>();

  /** Records one request (idempotent by id). */
  async record(entry: ErasureRecord): Promise<void> {
    if (!this.#entries.has(entry.id)) this.#entries.set(entry.id, structuredClone(entry));
  }

  /** A tenant's requests, oldest first. */
  async list(tenant: string): Promise<ErasureRecord[]> {
    return [...this.#entries.values()]
      .filter((e) => e.tenant === tenant)
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  }
}
