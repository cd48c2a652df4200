/** The benchmark's requests: realistic leads and contacts, the same for every run. */
export const LEAD_MESSAGES: readonly string[] = [
  "We want to buy a 3 bed in Austin, pre-approved up to 600k, moving in 2 months",
  "Thinking about selling my condo in Denver next year, it needs some work, hoping for 450k",
  "Cash buyer looking for an investment duplex in Cleveland under 300k, ASAP",
  "Need to sell our house in Tampa and buy something bigger nearby, pre-qualified for 700k",
  "Relocating to Phoenix for work in the fall, 4 bedrooms, budget around 550k",
  "just looking for now, maybe next year",
  "Inherited my mom's place in Sacramento, want to sell it as-is within 3 months",
  "First-time buyer, haven't talked to a lender yet, looking at townhouses in Raleigh around 350k",
];

/** The `i`-th qualify request body: a rotating lead with a unique tail, so every request is a new lead. */
export function qualifyBody(i: number): string {
  const text = `${LEAD_MESSAGES[i % LEAD_MESSAGES.length]} (ref ${i})`;
  return JSON.stringify({ lead: { name: "Bench Lead", source: "bench" }, messages: [{ text }] });
}

/** The `i`-th contacts sync body: one contact. */
export function syncBody(i: number): string {
  return JSON.stringify({
    contacts: [{ email: `lead${i}@bench.example`, firstName: "Bench", tags: ["bench"] }],
  });
}
