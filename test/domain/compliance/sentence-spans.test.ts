import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsWithSentenceTerminator, sentenceSpans } from "../../../src/domain/compliance/sentence-spans.ts";

describe("sentenceSpans", () => {
  it("splits after terminators followed by whitespace and at line breaks, keeping the whitespace", () => {
    expect(sentenceSpans("Hi there! It's 3.5 baths.\nCall me")).toEqual([
      { start: 0, text: "Hi there! " },
      { start: 10, text: "It's 3.5 baths.\n" },
      { start: 26, text: "Call me" },
    ]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(sentenceSpans('He said "yes." (Really.) Ok').map((s) => s.text)).toEqual([
      'He said "yes." ',
      "(Really.) ",
      "Ok",
    ]);
  });

  it("knows a finished sentence", () => {
    expect(endsWithSentenceTerminator('Done."')).toBe(true);
    expect(endsWithSentenceTerminator("Not done")).toBe(false);
  });
});

const text = fc
  .array(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(". ", "!\n", "\n", "?) ", "…  ", ".", "U.S. ")),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(""));

describe("sentenceSpans properties", () => {
  it("spans concatenate back to the text, each starting where the previous ended", () => {
    fc.assert(
      fc.property(text, (t) => {
        const spans = sentenceSpans(t);
        expect(spans.map((s) => s.text).join("")).toBe(t);
        let offset = 0;
        for (const span of spans) {
          expect(span.start).toBe(offset);
          offset += span.text.length;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("dropping spans and re-splitting the rest yields exactly the kept spans", () => {
    fc.assert(
      fc.property(text, fc.array(fc.boolean(), { maxLength: 20 }), (t, keepFlags) => {
        const spans = sentenceSpans(t);
        const kept = spans.filter((_, i) => keepFlags[i] ?? true);
        const rejoined = kept.map((s) => s.text).join("");
        expect(sentenceSpans(rejoined).map((s) => s.text)).toEqual(kept.map((s) => s.text));
      }),
      { numRuns: 200 },
    );
  });
});
