/** One sentence that hands the lead to another bot or a human: who they are and what they said. */
import type { Qualification } from "../../ports/qualification.ts";
import {
  describeBudget,
  describeCondition,
  describeFinancing,
  describeHome,
  describeTimeline,
  formatDollars,
  withArticle,
} from "./describe-facts.ts";

function opening(q: Omit<Qualification, "summary">): string {
  const home = describeHome(q);
  const where = q.location === undefined ? "" : ` in ${q.location}`;
  switch (q.intent) {
    case "buy":
      return `Buyer looking for ${home === undefined ? "a home" : `${withArticle(home)}`}${where}`;
    case "sell":
      return `Seller of ${home === undefined ? "a home" : `${withArticle(home)}`}${where}`;
    case "both":
      return `Selling and buying${home === undefined ? "" : `, looking for ${withArticle(home)}`}${where}`;
    case "browsing":
      return `Browsing, not yet committed to buying or selling${where}`;
    default:
      return `Intent not yet clear${where}`;
  }
}

/** The summary sentence for a qualification's facts. */
export function summarizeLead(q: Omit<Qualification, "summary">): string {
  const budget = describeBudget(q);
  const timeline = describeTimeline(q.timeline);
  const condition = describeCondition(q.propertyCondition);
  const parts = [
    budget === undefined ? undefined : `budget ${budget}`,
    q.priceExpectation === undefined ? undefined : `hoping for about ${formatDollars(q.priceExpectation)}`,
    describeFinancing(q.financing),
    timeline === undefined ? undefined : `moving ${timeline}`,
    q.sellerReason === undefined ? undefined : `reason to sell: ${q.sellerReason}`,
    q.motivation === undefined || q.sellerReason !== undefined ? undefined : `motivation: ${q.motivation}`,
    condition === undefined ? undefined : `home ${condition}`,
    q.hasAgent === undefined ? undefined : q.hasAgent ? "already has an agent" : "no agent yet",
  ].filter((p): p is string => p !== undefined);
  return `${[opening(q), ...parts].join(", ")}.`;
}
