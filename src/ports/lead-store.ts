import type { Qualification } from "./qualification.ts";

/** One qualification of a lead, as served to the API. */
export interface LeadRecord {
  id: string;
  tenant: string;
  contactId?: string;
  cacheKey: string;
  qualification: Qualification;
  score: number;
  temperature: "hot" | "warm" | "cold";
  model: string;
  createdAt: number;
}

export interface LeadStore {
  save(record: LeadRecord): Promise<void>;
  get(tenant: string, id: string): Promise<LeadRecord | undefined>;
  listByContact(tenant: string, contactId: string): Promise<LeadRecord[]>;
  /** Erases every lead of a contact; returns how many. */
  deleteByContact(tenant: string, contactId: string): Promise<number>;
}

export const LEAD_STORE = Symbol.for("eh.LeadStore");
