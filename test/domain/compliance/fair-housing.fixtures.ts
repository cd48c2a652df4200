/**
 * Phrases a bot reply might contain, with the verdict the Fair Housing check must reach: the category
 * a steering phrase is flagged under, or `null` for a legitimate property feature that must pass.
 */
import type { FairHousingCategory } from "../../../src/domain/compliance/fair-housing.ts";

/** One phrase and its expected verdict. */
export interface FairHousingFixture {
  readonly text: string;
  readonly expected: FairHousingCategory | null;
}

/** Steering phrases: each must be flagged under `expected`. */
export const FLAGGED: readonly FairHousingFixture[] = [
  { text: "It's in a safe neighborhood.", expected: "crime_safety" },
  { text: "This is a very safe area.", expected: "crime_safety" },
  { text: "The neighborhood is really safe at night.", expected: "crime_safety" },
  { text: "It's a safe, quiet community.", expected: "crime_safety" },
  { text: "Avoid that unsafe area downtown.", expected: "crime_safety" },
  { text: "That's a dangerous neighborhood.", expected: "crime_safety" },
  { text: "It's a crime-free community.", expected: "crime_safety" },
  { text: "Low crime and lots of parks.", expected: "crime_safety" },
  { text: "The crime rate is very low here.", expected: "crime_safety" },
  { text: "It's a family-friendly street.", expected: "familial_status" },
  { text: "This home is perfect for families.", expected: "familial_status" },
  { text: "The yard is great for kids.", expected: "familial_status" },
  { text: "Ideal for a young family.", expected: "familial_status" },
  { text: "It's a quiet building with no kids.", expected: "familial_status" },
  { text: "Ideal for couples.", expected: "familial_status" },
  { text: "The complex is adults only.", expected: "familial_status" },
  { text: "Popular with empty nesters.", expected: "familial_status" },
  { text: "Best suited for a mature couple.", expected: "familial_status" },
  { text: "The area has good schools.", expected: "schools" },
  { text: "You'll be close to the best schools in town.", expected: "schools" },
  { text: "It's zoned for top-rated schools.", expected: "schools" },
  { text: "The school district is great.", expected: "schools" },
  { text: "It's in a highly rated school district.", expected: "schools" },
  { text: "It's a Christian neighborhood.", expected: "religion" },
  { text: "The home is near churches and synagogues.", expected: "religion" },
  { text: "It's walking distance to several mosques.", expected: "religion" },
  { text: "It's in a Jewish area.", expected: "religion" },
  { text: "It's a Hispanic neighborhood.", expected: "race_national_origin" },
  { text: "Mostly a white neighborhood.", expected: "race_national_origin" },
  { text: "It's a diverse community.", expected: "race_national_origin" },
  { text: "Lots of ethnic restaurants nearby.", expected: "race_national_origin" },
  { text: "It's an exclusive neighborhood.", expected: "race_national_origin" },
  { text: "It's an integrated community.", expected: "race_national_origin" },
  { text: "The neighborhood is very diverse.", expected: "race_national_origin" },
  { text: "No wheelchairs, sorry.", expected: "disability" },
  { text: "Best for able-bodied buyers with all the stairs.", expected: "disability" },
  { text: "The unit is not for handicapped tenants.", expected: "disability" },
  { text: "A real bachelor pad.", expected: "sex" },
  { text: "Ideal for a single man.", expected: "sex" },
  { text: "It's a great senior community.", expected: "age" },
  { text: "Perfect for retirees.", expected: "age" },
  { text: "It's a young professionals area.", expected: "age" },
];

/** Legitimate property features and phrases: each must pass unflagged. */
export const NOT_FLAGGED: readonly FairHousingFixture[] = [
  { text: "It has a walk-in closet.", expected: null },
  { text: "The deck has a great view.", expected: null },
  { text: "The master bedroom is upstairs.", expected: null },
  { text: "The primary bedroom has an en-suite bath.", expected: null },
  { text: "There's a family room off the kitchen.", expected: null },
  { text: "It includes a safe deposit box in the closet.", expected: null },
  // A school bus stop is a fact about the location, like a transit stop; it rates no school.
  { text: "There's a school bus stop at the corner.", expected: null },
  { text: "It's within walking distance to the park.", expected: null },
  { text: "It has a spacious kitchen.", expected: null },
  { text: "It's near public transit.", expected: null },
  { text: "It's on a quiet street.", expected: null },
  { text: "It was newly renovated last year.", expected: null },
  { text: "It has safety features like smoke detectors.", expected: null },
  { text: "The family name is on the deed.", expected: null },
  { text: "The house is on Christian Street.", expected: null },
  { text: "It's a single-family home.", expected: null },
  { text: "This is an exclusive listing.", expected: null },
  { text: "The kitchen has integrated appliances.", expected: null },
  { text: "The yard has mature trees.", expected: null },
  { text: "The house is wheelchair accessible.", expected: null },
  { text: "It's a short drive from Temple University.", expected: null },
  { text: "The dining room is great for family gatherings.", expected: null },
  { text: "The garage is perfect for a couple of cars.", expected: null },
  { text: "There's a white area rug in the den.", expected: null },
  { text: "It's near an elementary school.", expected: null },
  { text: "Keep the keys in a safe location.", expected: null },
];
