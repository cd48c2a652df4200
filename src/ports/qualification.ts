/** The structured answer a language model gives about a lead: the shape every model adapter returns. */
export type Intent = "buy" | "sell" | "both" | "browsing" | "unknown";
export type Timeline = "0-3m" | "3-6m" | "6m+" | "unknown";
export type Financing = "pre_approved" | "pre_qualified" | "cash" | "not_started" | "unknown";
export type PropertyCondition = "excellent" | "good" | "fair" | "needs_work" | "unknown";

export interface Qualification {
  intent: Intent;
  /** 0..1: how sure the model is of `intent`. Handoffs need >= 0.7. */
  intentConfidence: number;
  timeline: Timeline;
  financing: Financing;
  /** Buyer's budget in whole US dollars. */
  budgetMin?: number;
  budgetMax?: number;
  /** Seller's expected price in whole US dollars. */
  priceExpectation?: number;
  motivation?: string;
  location?: string;
  propertyType?: string;
  bedrooms?: number;
  hasAgent?: boolean;
  sellerReason?: string;
  propertyCondition?: PropertyCondition;
  /** One or two sentences, for handing the lead to another bot or a human. */
  summary?: string;
}
