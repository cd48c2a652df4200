/**
 * The Fair Housing phrase rules, as data: each one names the protected class (or its proxy) a reply
 * would be characterising. The rules flag words about who lives somewhere or who a home suits, never
 * words about the property itself, so they are deliberately narrow:
 * - a bare adjective is flagged only beside an area or people noun ("safe neighborhood", "exclusive
 *   community"); "safe deposit box", "exclusive listing", "integrated appliances", "mature trees" pass;
 * - "Christian Street" passes (religion words need an area/people noun, and a street is a place name);
 *   "near Temple University" / "near Church Street" pass, but "near churches" is flagged: a bot has no
 *   need for houses of worship as landmarks, and as a selling point they describe who lives there;
 * - schools are flagged only when rated ("good schools", "school district is great"): "school bus stop"
 *   and "near an elementary school" are facts about location, like "near public transit";
 * - "ethnic" and "able-bodied" are flagged everywhere: in a property reply they only ever describe people.
 * A false positive costs one sentence swapped for the official-sources referral; a miss costs a complaint.
 */

/** The protected class (or proxy for one) a flagged phrase characterises. */
export type FairHousingCategory =
  | "crime_safety"
  | "familial_status"
  | "schools"
  | "religion"
  | "race_national_origin"
  | "disability"
  | "sex"
  | "age";

/** One rule: a case-insensitive pattern and the category it flags. */
// Without the `u` flag: case-insensitive Unicode matching is about five times slower, and every
// character the rules name is in the Basic Multilingual Plane.
export interface FairHousingRule {
  readonly category: FairHousingCategory;
  readonly pattern: RegExp;
}

// Places whose occupants a phrase would characterise. "street" is absent: "quiet street" is a feature.
// An "area rug" is furniture, and "a safe location" is usually where the keys are kept.
const AREA = String.raw`(?:neighbou?rhoods?|areas?(?![-\s]+rugs?\b)|communit(?:y|ies)|parts? of town|sides? of town|blocks?|enclaves?|districts?|suburbs?|zip ?codes?|places? to (?:live|raise (?:a family|kids|children))|city|town|vicinity)`;
const PEOPLE = `(?:population|crowd|residents|neighbou?rs|families|folks|people|households)`;
const AREA_OR_PEOPLE = `(?:${AREA}|${PEOPLE})`;
const AREA_SUBJECT = `(?:neighbou?rhood|area|community|block|streets|part of town|town|city|vicinity)`;
const INTENSIFIER = String.raw`(?:(?:very|really|super|extremely|quite|pretty|so|incredibly|relatively|fairly|truly)\s+)?`;
const IS = String.raw`\s+(?:is|are|feels?|seems?|looks?|remains?|has been|is considered)\s+`;
const SUITED_FOR = String.raw`\b(?:perfect|ideal|ideally suited|great|good|best|suited|suitable|wonderful|excellent|made|designed|geared)\s+for\s+(?:(?:a|an|the|your|young|growing|large|big|small|new|active)\s+){0,2}`;
const HYPHEN = "[-‐‑–\\s]?";
// Intervening words allowed between "safe" and the area noun ("safe, quiet neighborhood"), excluding
// function words so "keep it safe in the area" is not read as "safe area".
const ADJECTIVES = String.raw`(?:[\s,]+(?:and\s+|&\s+)?(?!(?:in|the|a|an|of|to|for|at|on|with|by|from|this|that|your|my|our|is|are|and)\b)[a-z\u00C0-\u024F'-]+){0,2}?`;
const WORSHIP = `(?:church(?:es)?|synagogues?|mosques?|temples?|parish(?:es)?|chapels?|cathedrals?|(?:houses?|places?) of worship)`;
const PLACE_NAME = String.raw`(?!\s+(?:street|st\b|avenue|ave\b|road|rd\b|university|college|drive|dr\b|lane|ln\b|boulevard|blvd\b|way|park|hill|square|court|ct\b))`;
const FAMILY = String.raw`(?:families|(?:a|your|the)\s+(?:(?:young|growing|large|big|small|new)\s+)?family(?=\s*(?:[.,;:!?)]|$)|\s+(?:that|who|with|of|looking|and|or|to|in|wanting)\b))`;
const ETHNICITY = `(?:hispanic|latino|latina|latinx|black|white|caucasian|asian|african${HYPHEN}american|african|mexican|chinese|korean|japanese|vietnamese|filipino|indian|pakistani|arab|arabic|middle${HYPHEN}eastern|italian|irish|polish|russian|immigrant|minority|foreign)`;
const RELIGION = `(?:christian|catholic|protestant|jewish|muslim|islamic|hindu|buddhist|mormon|lds|evangelical|orthodox|sikh|amish|religious)`;
const AGE_GROUP = `(?:seniors|retirees|the elderly|elderly (?:people|folks|residents)|older (?:people|folks|adults|residents|buyers|couples)|young (?:professionals|people|adults|crowd)|millennials|students|(?:baby )?boomers)`;

const rule = (category: FairHousingCategory, source: string): FairHousingRule => ({
  category,
  pattern: new RegExp(source, "gi"),
});

/** Every rule, grouped by category. */
export const FAIR_HOUSING_RULES: readonly FairHousingRule[] = [
  rule("crime_safety", String.raw`\b(?:un)?saf(?:e|er|est)\b(?!\s+deposit)${ADJECTIVES}[\s,]+${AREA}\b`),
  rule(
    "crime_safety",
    String.raw`\b${AREA_SUBJECT}${IS}${INTENSIFIER}(?:(?:un)?saf(?:e|er|est)|dangerous|sketchy|rough|crime${HYPHEN}free)\b`,
  ),
  rule(
    "crime_safety",
    String.raw`\b(?:dangerous|sketchy|rough|seedy|shady|bad|undesirable|crime${HYPHEN}ridden)\s+${AREA}\b`,
  ),
  rule("crime_safety", String.raw`\b(?:low|high|no|little|zero)${HYPHEN}crime\b|\bcrime${HYPHEN}free\b`),
  rule(
    "crime_safety",
    String.raw`\bcrime(?:\s+rates?)?\s+(?:is|are)\s+${INTENSIFIER}(?:low|high|non-existent|nonexistent|minimal|rare)\b`,
  ),
  rule("familial_status", String.raw`\b(?:family|kid|child)${HYPHEN}friendly\b`),
  rule(
    "familial_status",
    String.raw`${SUITED_FOR}(?:${FAMILY}|kids|children|couples|couple(?!\s+of\b)|newlyweds|empty${HYPHEN}nesters|adults)\b`,
  ),
  rule(
    "familial_status",
    String.raw`\bno\s+(?:kids|children|families)\b|\b(?:kids|children)\s+(?:are\s+)?not\s+allowed\b|\badults?${HYPHEN}only\b`,
  ),
  rule(
    "familial_status",
    String.raw`\bempty${HYPHEN}nesters?\b|\badult\s+(?:community|neighbou?rhood|building)\b`,
  ),
  rule(
    "familial_status",
    String.raw`\bmature\s+(?:couples?|persons?|people|adults?|residents|buyers|tenants|individuals?|singles?|crowd|neighbou?rs|${AREA})\b`,
  ),
  rule(
    "familial_status",
    String.raw`(?<!single${HYPHEN})\bfamil(?:y|ies)\s+(?:neighbou?rhood|area|community|block)\b|\b(?:lots of|full of|plenty of)\s+(?:young\s+)?(?:kids|children|families)\b`,
  ),
  rule(
    "schools",
    String.raw`\b(?:good|great|best|top|top${HYPHEN}rated|highly${HYPHEN}rated|excellent|award${HYPHEN}winning|blue${HYPHEN}ribbon|outstanding|amazing|fantastic|strong|high${HYPHEN}performing|better|bad|poor|terrible|failing|low${HYPHEN}rated|quality)\s+(?:(?:public|private|local|elementary|middle|high)\s+)?school(?:s|\s+districts?|\s+systems?)?\b(?![-\s]+bus)`,
  ),
  rule(
    "schools",
    String.raw`\b(?:school\s+(?:district|system|zone)s?|schools)(?:\s+(?:here|there|nearby|around here))?\s+(?:is|are)\s+${INTENSIFIER}(?:good|great|excellent|top|top${HYPHEN}rated|highly${HYPHEN}rated|amazing|fantastic|outstanding|strong|the best|one of the best|among the best|bad|poor|terrible)\b`,
  ),
  rule("schools", String.raw`\b(?:school|district)\s+(?:ratings?|scores?|rankings?)\b|\bgreatschools\b`),
  rule("religion", String.raw`\b${RELIGION}\s+${AREA_OR_PEOPLE}\b|\bchurch${HYPHEN}going\b`),
  rule(
    "religion",
    String.raw`\b(?:near|close to|next to|walking distance (?:to|from|of)|steps (?:to|from)|minutes (?:to|from)|surrounded by|lots of|plenty of|many)\s+(?:(?:the|a|an|several|many|lots of|local|nearby)\s+)?${WORSHIP}\b${PLACE_NAME}`,
  ),
  rule(
    "race_national_origin",
    String.raw`\b${ETHNICITY}\s+${AREA_OR_PEOPLE}\b|\bethnic(?:ally|ity)?\b|\bracial(?:ly)?\b|\bdemographic(?:s|ally)?\b`,
  ),
  rule(
    "race_national_origin",
    String.raw`\b(?:diverse|exclusive|integrated|segregated|homogeneous)\s+(?:mix of\s+)?${AREA_OR_PEOPLE}\b`,
  ),
  rule(
    "race_national_origin",
    String.raw`\b${AREA_SUBJECT}${IS}${INTENSIFIER}(?:diverse|integrated|segregated|homogeneous|exclusive)\b|\b(?:lots of|a lot of|great|real|little|no)\s+diversity\b`,
  ),
  rule(
    "race_national_origin",
    String.raw`\b(?:right|wrong)\s+(?:kind|type|sort)\s+of\s+(?:people|neighbou?rs|families|residents|crowd)\b|\benglish${HYPHEN}speaking\s+(?:only|${AREA})\b|\bno\s+(?:foreigners|immigrants)\b`,
  ),
  rule(
    "disability",
    String.raw`\bno\s+(?:wheelchairs?|wheelchair users|handicapped|disabled|disabilities|mentally ill)\b(?![-\s]+(?:ramps?|access|accessible|lifts?|parking))`,
  ),
  rule(
    "disability",
    String.raw`\bnot\s+(?:suitable\s+|suited\s+|ideal\s+)?for\s+(?:the\s+)?(?:handicapped|disabled|wheelchairs?|wheelchair users|people with disabilities|the blind|the deaf)\b|\bable${HYPHEN}bodied\b`,
  ),
  rule(
    "sex",
    String.raw`\bbachelor(?:ette)?\s+pad\b|\b(?:men|women|males?|females?|ladies|gentlemen)\s+only\b`,
  ),
  rule(
    "sex",
    String.raw`${SUITED_FOR}(?:single\s+)?(?:man|woman|men|women|guys?|gals?|bachelors?|bachelorettes?|ladies|gentlemen|single\s+(?:person|people|professionals?))\b(?![-\s]+caves?\b)`,
  ),
  rule(
    "age",
    String.raw`${SUITED_FOR}${AGE_GROUP}\b|\b(?:lots of|full of|mostly|many|mainly|primarily)\s+${AGE_GROUP}\b`,
  ),
  rule(
    "age",
    String.raw`\b(?:senior|seniors|retirement|retiree|elderly|young|young professionals?|millennial|student)\s+${AREA_OR_PEOPLE}\b`,
  ),
];
