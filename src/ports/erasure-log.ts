/** A CCPA request carried out, kept without the personal data it concerned. */
export interface ErasureRecord {
  id: string;
  tenant: string;
  kind: "export" | "delete";
  at: number;
  /** What was found or removed: counts only. */
  scope: { contacts: number; leads: number; conversations: number; cacheKeys: number };
}

/** The record of privacy requests, for showing compliance without keeping what was erased. */
export interface ErasureLog {
  record(entry: ErasureRecord): Promise<void>;
  list(tenant: string): Promise<ErasureRecord[]>;
}

export const ERASURE_LOG = Symbol.for("eh.ErasureLog");
