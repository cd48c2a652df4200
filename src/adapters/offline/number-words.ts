/**
 * Spelled-out numbers become digits so one set of rules reads "three bedrooms" and "3 bedrooms",
 * and spoken amounts become the shorthand the money rules read ("half a million" → "500k").
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  // Spanish, for leads who mix languages ("tres recámaras"); "uno/una" stay words ("una casa" = "a house").
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const UNIT_WORDS = Object.keys(UNITS).join("|");
const TEN_WORDS = Object.keys(TENS).join("|");
const COMPOUND = new RegExp(`(?<!\\p{L})(${TEN_WORDS})(?:[- ](${UNIT_WORDS}))?(?!\\p{L})`, "gu");
const SINGLE = new RegExp(`(?<!\\p{L})(${UNIT_WORDS})(?!\\p{L})`, "gu");

const SPOKEN_AMOUNTS: ReadonlyArray<[RegExp, string]> = [
  [/(?<!\p{L})(?:a |1 )?million and a half(?!\p{L})/gu, "1.5m"],
  [/(?<!\p{L})(\d+) and a half million(?!\p{L})/gu, "$1.5m"],
  [/(?<!\p{L})half (?:a )?million(?!\p{L})/gu, "500k"],
  [/(?<!\p{L})(?:a |1 )?quarter (?:of a )?million(?!\p{L})/gu, "250k"],
  [/(?<!\p{L})a million(?!\p{L})/gu, "1m"],
  [/(?<![\d.])1 million(?!\p{L})/gu, "1m"],
  [/(?<!\p{L})(?:a )?couple(?: of)?(?= (?:days|weeks|months|years))/gu, "2"],
];

/** Lower-case text with number words as digits and spoken amounts as "500k" / "1.5m". */
export function spellOutNumbers(lowerCased: string): string {
  const digits = lowerCased
    .replace(COMPOUND, (_m, tens: string, unit: string | undefined) =>
      String((TENS[tens] ?? 0) + (unit === undefined ? 0 : (UNITS[unit] ?? 0))),
    )
    .replace(SINGLE, (_m, unit: string) => String(UNITS[unit] ?? unit));
  return SPOKEN_AMOUNTS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), digits);
}
