/**
 * What a lead says in a bot-concurrency conversation. The first message states a clear intent (to buy,
 * or to sell) so the Lead bot hands the conversation to the Buyer or the Seller bot; the follow-ups keep
 * to that intent, so the conversation stays with that bot. Every seller line says "sell": the fake
 * Messages API reads the intent from the lead's last message (test/fakes/fake-anthropic-server.ts).
 */

/** Which bot a conversation is for. */
export type LeadSide = "buyer" | "seller";

const OPENERS: Record<LeadSide, readonly string[]> = {
  buyer: [
    "Hi, I'm pre-approved and want to buy a 3 bedroom house in Austin within 3 months",
    "We are looking to buy a condo in Denver, budget around 400k, moving this summer",
    "Cash buyer here, I want to buy a duplex in Cleveland as an investment",
  ],
  seller: [
    "I want to sell my house in Tampa, we are relocating for work",
    "Thinking of selling our condo in Phoenix within six months",
    "We need to sell my late father's home in Sacramento as-is",
  ],
};

const FOLLOW_UPS: Record<LeadSide, readonly string[]> = {
  buyer: [
    "Our budget is around 450k and we would like to move within 3 months",
    "We would love a yard and a two-car garage, 3 bedrooms at least",
    "Could we tour a few homes on Saturday morning?",
  ],
  seller: [
    "We would like to sell within six months, the house is in good condition",
    "Hoping to sell for about 550k, what would you list it for?",
    "If we sell in spring, when should we start preparing the listing?",
  ],
};

/**
 * The messages of conversation `i` for `side`: an opener then 2 or 3 follow-ups (alternating with
 * `i`), the opener made unique by `tag` so no cache tier has seen it.
 */
export function botScript(side: LeadSide, i: number, tag: string): string[] {
  const openers = OPENERS[side];
  const opener = `${openers[i % openers.length]} (conversation ${tag})`;
  const followUps = FOLLOW_UPS[side].slice(0, i % 2 === 0 ? 2 : 3);
  return [opener, ...followUps];
}
