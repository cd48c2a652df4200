/**
 * The requests the load test sends EnterpriseHub: realistic lead messages and contacts, deterministic
 * (same index → same request), so two runs load the service with the same work.
 *
 * - warm qualify: a fixed set of leads, qualified once before the ramp, then sent again and again: every
 *   request is a cache hit (L1), and still stores the lead and its ledger entries like any request;
 * - new lead: a lead text no one sent before (a run tag and a counter in it): a miss on every tier, so
 *   the request reaches the (fake) Messages API;
 * - contacts sync: 1 to 5 contacts, new each time.
 * The mixed workload draws them 70 / 20 / 10 % in a fixed 10-slot cycle (exact shares at any length).
 */
import type { LoadRequest } from "./autocannon-run.ts";

/** How many leads the warm-cache workload cycles through. */
export const WARM_LEAD_COUNT = 50;

/** The qualify route. */
export const QUALIFY_PATH = "/api/leads/qualify";
/** The contacts sync route. */
export const SYNC_PATH = "/api/contacts/sync";

const BUYER_AND_SELLER_TEXTS: readonly string[] = [
  "We want to buy a 3 bed in Austin, pre-approved up to 600k, moving in 2 months",
  "Thinking about selling my condo in Denver next year, it needs some work, hoping for 450k",
  "Cash buyer looking for an investment duplex in Cleveland under 300k, as soon as possible",
  "Need to sell our house in Tampa and buy something bigger nearby, pre-qualified for 700k",
  "Relocating to Phoenix for work in the fall, 4 bedrooms, budget around 550k",
  "Just looking for now, maybe next year",
  "Inherited my mom's place in Sacramento, want to sell it as-is within 3 months",
  "First-time buyer, haven't talked to a lender yet, looking at townhouses in Raleigh around 350k",
];

/** The `i`-th lead text, made unique by `tag` (distinct texts are distinct cache keys). */
export function leadText(i: number, tag: string): string {
  return `${BUYER_AND_SELLER_TEXTS[i % BUYER_AND_SELLER_TEXTS.length]} (lead ${tag}-${i})`;
}

/** A qualify request body for the `i`-th lead of `tag`, with a name and an email as a web form sends them. */
export function qualifyBody(i: number, tag: string): string {
  return JSON.stringify({
    lead: { name: `Load Lead ${i}`, email: `lead-${tag}-${i}@load.example`, source: "load-test" },
    messages: [{ text: leadText(i, tag) }],
  });
}

/** The fixed bodies of the warm-cache workload (tag "warm": the same in every run). */
export function warmQualifyBodies(count = WARM_LEAD_COUNT): string[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new TypeError(`count must be >= 1, got ${count}`);
  return Array.from({ length: count }, (_, i) => qualifyBody(i, "warm"));
}

/** A contacts sync body of 1 to 5 new contacts (the count cycles with `i`). */
export function syncBody(i: number, tag: string): string {
  const size = (i % 5) + 1;
  return JSON.stringify({
    contacts: Array.from({ length: size }, (_, k) => ({
      email: `contact-${tag}-${i}-${k}@load.example`,
      firstName: "Load",
      lastName: `Contact ${i}-${k}`,
      source: "load-test",
      tags: ["load-test"],
    })),
  });
}

/** What a mixed-workload slot sends. */
export type MixedKind = "warm" | "new" | "sync";

// 7 warm, 2 new, 1 sync per 10, spread out so no kind comes in a burst.
const MIXED_CYCLE: readonly MixedKind[] = [
  "warm",
  "new",
  "warm",
  "warm",
  "sync",
  "warm",
  "warm",
  "new",
  "warm",
  "warm",
];

/** The kind of the `index`-th mixed request. */
export function mixedKind(index: number): MixedKind {
  return MIXED_CYCLE[index % MIXED_CYCLE.length]!;
}

/**
 * The mixed workload's request builder: `index` → a warm qualify (cycling `warmBodies`), a new lead or
 * a contacts sync. `tag` must be unique to the run so "new" leads are new to the cache tiers.
 */
export function mixedRequests(warmBodies: readonly string[], tag: string): (index: number) => LoadRequest {
  if (warmBodies.length === 0) throw new TypeError("the mixed workload needs warm bodies");
  return (index) => {
    const kind = mixedKind(index);
    if (kind === "warm")
      return { method: "POST", path: QUALIFY_PATH, body: warmBodies[index % warmBodies.length]! };
    if (kind === "new") return { method: "POST", path: QUALIFY_PATH, body: qualifyBody(index, tag) };
    return { method: "POST", path: SYNC_PATH, body: syncBody(index, tag) };
  };
}
