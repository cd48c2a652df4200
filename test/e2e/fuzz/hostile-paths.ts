/** Hostile request paths: odd ids (traversal, NUL, bad percent-encoding, very long) and odd query strings. */
import fc from "fast-check";

/** A path id: a real one, a plausible one, traversal, NUL, bad percent-encoding, encoded unicode or very long. */
export function pathId(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    fc.uuid(),
    fc.stringMatching(/^[A-Za-z0-9._-]{1,128}$/),
    fc.constantFrom(
      "..",
      ".",
      "..%2F..%2Fetc%2Fpasswd",
      "%2e%2e",
      "%00",
      "a%00b",
      "%E0%A4%A",
      "%",
      "%zz",
      "%C0%AE%C0%AE",
      "%ED%A0%80",
      "%20",
      "a;b",
      "__proto__",
      "constructor",
      "%F0%9F%8F%A0",
    ),
    fc.integer({ min: 129, max: 6_000 }).map((n) => "a".repeat(n)),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  );
}

/** An optional query string, including pollution attempts and a long one. */
export const querySuffix: fc.Arbitrary<string> = fc.constantFrom(
  "",
  "",
  "",
  "?x=1",
  "?__proto__[polluted]=1",
  "?constructor[prototype][polluted]=1",
  "?a[b][c][d][e][f]=1",
  "?tenant=beta",
  "?%ZZ=%ZZ",
  `?${"a=1&".repeat(1_500)}`,
);
