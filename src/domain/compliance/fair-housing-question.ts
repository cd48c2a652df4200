/**
 * Recognises a lead asking about the topics a bot must not characterise (safety and crime, schools,
 * who lives in an area, whether it suits families, religion, ethnicity), so the bot answers with the
 * official-sources referral instead. Tuned to over-detect: a needless referral is harmless, an answer
 * that steers is not. Factual location questions ("is there a school bus stop nearby?") are not matched.
 */

const AREA = `(?:area|neighbou?rhood|community|street|block|part of town|side of town|town|city|there|around there|around here|to live|at night)`;
const QUESTION_PATTERNS: readonly RegExp[] = [
  // Safety and crime.
  /\bcrime\b|\bcriminals?\b|\bdangerous\b|\bsketchy\b/i,
  new RegExp(String.raw`\b(?:un)?saf(?:e|er|est|ety)\b.*\b${AREA}\b`, "i"),
  new RegExp(String.raw`\b${AREA}\b.*\b(?:un)?saf(?:e|er|est)\b`, "i"),
  /\bis it (?:really |very |pretty |a )?safe\b(?!\s+to\s+(?:send|pay|wire|share|email|sign|submit|give|use|buy|make))/i,
  // Schools.
  /\b(?:how|what)(?:'s|’s| is| are| about)\s+(?:the\s+)?(?:local\s+)?schools?\b/i,
  /\b(?:good|great|best|top|decent|bad|better|rated)\s+(?:public\s+)?schools?\b/i,
  /\bschool\s+(?:district|ratings?|rankings?|scores?|quality|zone)s?\b|\bschools?\s+(?:like|any good|rated)\b/i,
  // Who lives there.
  /\b(?:what|which)\s+(?:kind|sort|type)s?\s+of\s+(?:people|folks|neighbou?rs|families|crowd|residents)\b/i,
  /\bwho\s+(?:lives|live|is living)\b|\bwhat\s+are\s+the\s+neighbou?rs\s+like\b|\bdemographics?\b/i,
  /\b(?:diverse|diversity|ethnic|ethnicity|racial|race|minorities|immigrants|hispanics?|latinos?)\b/i,
  /\b(?:religio\w*|christians?|jewish|jews|muslims?|catholics?|churches|synagogues?|mosques?)\b/i,
  // Families, children, age.
  /\b(?:good|great|nice|safe|ok|okay|right|best|suitable|ideal)\s+(?:\w+\s+)?for\s+(?:a\s+|my\s+|our\s+|the\s+)?(?:famil(?:y|ies)|kids|children|seniors|retirees)\b/i,
  /\b(?:family|kid)[-\s]?friendly\b|\b(?:lots of|many|other|any|young)\s+(?:kids|children|families|retirees|seniors)\b/i,
];

/** True when the lead's message asks about a topic the bot must refer to official sources. */
export function isFairHousingQuestion(leadText: string): boolean {
  return QUESTION_PATTERNS.some((pattern) => pattern.test(leadText));
}
