/** Hostile request bodies and headers for each endpoint: valid-shaped, mutated, raw junk, odd content types. */
import fc from "fast-check";
import { deepNesting, hostileText, invalidUtf8, jsonBody, leadSentence, type Wire } from "./hostile-json.ts";
import { injectionText } from "./injection-text.ts";
import { applyMutation, mutationArb } from "./wire-mutation.ts";

interface Fields {
  /** Messages. */
  text: fc.Arbitrary<string>;
  /** Names, sources and tags. */
  word: fc.Arbitrary<string>;
  email: fc.Arbitrary<string>;
  phone: fc.Arbitrary<string>;
  timezone: fc.Arbitrary<string>;
}

/** Request bodies of the right shape, their strings drawn from `f`. */
function shapesOf(f: Fields) {
  const lead = fc.record(
    {
      name: f.word,
      email: f.email,
      phone: f.phone,
      source: f.word,
      timezone: f.timezone,
    },
    { requiredKeys: [] },
  );
  const contactFields = {
    email: f.email,
    phone: f.phone,
    firstName: f.word,
    lastName: f.word,
    source: f.word,
    tags: fc.array(f.word, { maxLength: 4 }),
  };
  // Each contact needs an email or a phone (or, hostile, neither).
  const contact = fc.oneof(
    fc.record(contactFields, { requiredKeys: ["email"] }),
    fc.record(contactFields, { requiredKeys: ["phone"] }),
    fc.record(contactFields, { requiredKeys: [] }),
  );
  return {
    qualify: fc.record(
      { lead, messages: fc.array(fc.record({ text: f.text }), { minLength: 1, maxLength: 3 }) },
      { requiredKeys: ["messages"] },
    ),
    contactSync: fc.record({ contacts: fc.array(contact, { minLength: 1, maxLength: 4 }) }),
    startConversation: fc.record({ lead, message: f.text }, { requiredKeys: [] }),
    message: fc.record({ text: f.text }),
    none: fc.constant({}),
  } satisfies Record<string, fc.Arbitrary<object>>;
}

/** Valid bodies: real lead words, any well-formed Unicode, injection text, well-formed emails and phones. */
export const validShapes = shapesOf({
  text: fc.oneof(
    { weight: 4, arbitrary: leadSentence },
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).filter((t) => t.trim() !== ""),
    injectionText,
  ),
  word: fc.oneof(
    fc.constantFrom("Ana López", "Zoë", "O'Brien", "李小龙", "José-María", "web", "zillow", "open house"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ""),
  ),
  email: fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?@[a-z0-9]{1,10}\.(com|io|example)$/),
  phone: fc.constantFrom("+1 (512) 555-0100", "555-0100 12", "+44 20 7946 0958", "5125550100"),
  timezone: fc.constantFrom("America/Chicago", "Europe/Madrid", "Asia/Kolkata", "UTC"),
});

/** Right-shaped bodies whose strings are hostile: bad emails and phones, NUL, lone surrogates, sizes past the limits. */
export const hostileShapes = shapesOf({
  text: fc.oneof({ weight: 2, arbitrary: leadSentence }, { weight: 3, arbitrary: hostileText }),
  word: fc.oneof(fc.constantFrom("Ana López", "web"), hostileText),
  email: fc.oneof(
    fc.emailAddress(),
    fc.constantFrom("not-an-email", "a@b", "@x.co", "a@b.co\u0000", `${"x".repeat(250)}@a.co`, "Ünï@cödé.de"),
    hostileText,
  ),
  phone: fc.oneof(
    fc.constantFrom(
      "+1 (512) 555-0100",
      "123",
      "+1 512 555 0100 ext 7",
      "٠١٢٣٤٥٦٧٨٩",
      "+".repeat(30),
      "((((((((((",
    ),
    hostileText,
  ),
  timezone: fc.oneof(
    fc.constantFrom("America/Chicago", "Mars/Olympus", "../../etc/localtime", "UTC+25"),
    hostileText,
  ),
});

export type Shape = keyof typeof validShapes;

const junk = fc.constantFrom(
  "",
  " ",
  "null",
  "[]",
  "{}",
  '"x"',
  "1",
  '{"a":1,"a":2}',
  "\uFEFF{}",
  "{'single':1}",
  "{,}",
  '{"messages":[{"text":"\\ud800"}]}',
  '{"text":"\\u0000"}',
  '{"contacts":[{"email":"a@b.co","firstName":"\\udfff"}]}',
);

/**
 * A body for an endpoint taking `shape`: valid, valid-shaped with hostile strings, mutated (1-3 times),
 * truncated, deeply nested, junk, spliced with invalid UTF-8, or absent.
 */
export function hostileBody(shape: Shape): fc.Arbitrary<Buffer | undefined> {
  const valid = validShapes[shape] as fc.Arbitrary<Wire>;
  const wire = fc.oneof(valid, hostileShapes[shape] as fc.Arbitrary<Wire>);
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(jsonBody) },
    { weight: 3, arbitrary: (hostileShapes[shape] as fc.Arbitrary<Wire>).map(jsonBody) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(wire, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
        .map(([v, ms]) => jsonBody(ms.reduce(applyMutation, v))),
    },
    { weight: 1, arbitrary: fc.tuple(wire, fc.nat()).map(([v, n]) => truncated(jsonBody(v), n)) },
    { weight: 1, arbitrary: deepNesting.map(jsonBody) },
    { weight: 1, arbitrary: junk.map((s) => Buffer.from(s)) },
    {
      weight: 1,
      arbitrary: fc.tuple(wire, invalidUtf8, fc.nat()).map(([v, bad, n]) => spliced(jsonBody(v), bad, n)),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const truncated = (b: Buffer, n: number): Buffer => b.subarray(0, n % Math.max(1, b.length));
const spliced = (b: Buffer, bad: Buffer, n: number): Buffer => {
  const at = n % (b.length + 1);
  return Buffer.concat([b.subarray(0, at), bad, b.subarray(at)]);
};

/** Content-Type (and sometimes Content-Encoding) headers: mostly JSON, then everything a client gets wrong. */
export const contentHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ "Content-Type": "application/json" }) },
  fc.constantFrom<Record<string, string>>(
    {},
    { "Content-Type": "text/plain" },
    { "Content-Type": "application/x-www-form-urlencoded" },
    { "Content-Type": "multipart/form-data; boundary=x" },
    { "Content-Type": "application/json; charset=utf-16" },
    { "Content-Type": "application/json; charset=latin1" },
    { "Content-Type": "APPLICATION/JSON; charset=UTF-8" },
    { "Content-Type": "application/vnd.api+json" },
    { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    { "Content-Type": "application/json", "Content-Encoding": "br" },
    { "Content-Type": "application/json", "Content-Encoding": "x-unknown" },
  ),
);
