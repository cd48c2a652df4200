/** Whether the lead already works with an agent: "working with a realtor" → true, "no agent" → false. */

const NO_AGENT =
  /\b(?:(?:don't|dont|do not|doesn't|don't yet|never) (?:have|use|need|want|work with)(?: an?| any)? (?:agent|realtor|broker)|not (?:working|signed) with (?:an? |any )?(?:agent|realtor|broker|anyone|anybody)|no (?:agent|realtor|broker)|without (?:an? )?(?:agent|realtor)|(?:looking for|need|want|searching for) (?:an? |a good )?(?:agent|realtor|broker)|sin agente)\b/;
const HAS_AGENT =
  /\b(?:(?:working|work|signed|signing) with (?:an? |my |our |the )?(?:own )?(?:agent|realtor|broker)|(?:have|got|using|already have) (?:an? |my |our )?(?:own )?(?:agent|realtor|broker)|(?:my|our) (?:agent|realtor|broker)|(?:agent|realtor) (?:already|is helping))\b/;

/** True / false when one message says, undefined when it does not. */
export function extractHasAgent(folded: string): boolean | undefined {
  if (NO_AGENT.test(folded)) return false;
  if (HAS_AGENT.test(folded)) return true;
  return undefined;
}
