/** fast-check generators of valid Qualifications, shared by the domain suites that take one as input. */
import fc from "fast-check";
import {
  FINANCING_OPTIONS,
  INTENTS,
  MAX_BEDROOMS,
  MAX_DOLLARS,
  MAX_TEXT_LENGTH,
  PROPERTY_CONDITIONS,
  storableText,
  TIMELINES,
} from "../../src/domain/qualification-schema.ts";
import type { Qualification } from "../../src/ports/qualification.ts";

/** Trimmed, non-empty, storable text of any Unicode (surrogate pairs included; no NUL), within the length bound. */
export const textArb: fc.Arbitrary<string> = fc
  .string({ unit: "binary", minLength: 1, maxLength: 80 })
  .map((s) => storableText(s).trim().slice(0, MAX_TEXT_LENGTH))
  .filter((s) => s !== "" && s === s.trim());

const dollarsArb = fc.integer({ min: 0, max: MAX_DOLLARS });

/** Any Qualification the validator accepts as is (so it must validate to itself). */
export const qualificationArb: fc.Arbitrary<Qualification> = fc
  .record(
    {
      intent: fc.constantFrom(...INTENTS),
      intentConfidence: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
      timeline: fc.constantFrom(...TIMELINES),
      financing: fc.constantFrom(...FINANCING_OPTIONS),
      budgetMin: dollarsArb,
      budgetMax: dollarsArb,
      priceExpectation: dollarsArb,
      motivation: textArb,
      location: textArb,
      propertyType: textArb,
      bedrooms: fc.integer({ min: 0, max: MAX_BEDROOMS }),
      hasAgent: fc.boolean(),
      sellerReason: textArb,
      propertyCondition: fc.constantFrom(...PROPERTY_CONDITIONS),
      summary: textArb,
    },
    { requiredKeys: ["intent", "intentConfidence", "timeline", "financing"] },
  )
  .map((q) =>
    q.budgetMin !== undefined && q.budgetMax !== undefined && q.budgetMin > q.budgetMax
      ? { ...q, budgetMin: q.budgetMax, budgetMax: q.budgetMin }
      : q,
  );
