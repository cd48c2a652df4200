import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractJson, extractQualification } from "../../src/domain/response-extraction.ts";
import { qualificationArb } from "./qualification-arbitrary.ts";

const lead = {
  intent: "buy",
  intentConfidence: 0.9,
  timeline: "0-3m",
  financing: "pre_approved",
  budgetMax: 600_000,
};
const json = JSON.stringify(lead);
const pretty = JSON.stringify(lead, null, 2);
const STRATEGIES = ["tool", "whole", "fence", "scan"];

describe("extractQualification: known LLM answer shapes", () => {
  it.each([
    ["the whole text is the JSON", pretty, "whole"],
    ["JSON followed by prose", `${json}\n\nLet me know if you need more.`, "scan"],
    ["prose then JSON", `Here is the qualification:\n${pretty}`, "scan"],
    ["a ```json fence", `Sure!\n\`\`\`json\n${pretty}\n\`\`\`\nAnything else?`, "fence"],
    ["a ```JSON fence", `\`\`\`JSON\n${json}\n\`\`\``, "fence"],
    ["a bare ``` fence", `\`\`\`\n${json}\n\`\`\``, "fence"],
    ["an unclosed fence (truncated output)", `\`\`\`json\n${json}`, "scan"],
    ["an array holding the object", `[${json}]`, "scan"],
  ])("finds the qualification when %s", (_shape, text, strategy) => {
    expect(extractQualification({ text })).toEqual({ ok: true, value: lead, strategy, repaired: false });
  });

  it("prefers the structured tool input to the text", () => {
    const r = extractQualification({ text: JSON.stringify({ ...lead, intent: "sell" }), structured: lead });
    expect(r).toEqual({ ok: true, value: lead, strategy: "tool", repaired: false });
  });

  it("searches a tool input that arrived as a JSON string", () => {
    expect(extractQualification({ text: "", structured: `  ${json} ` })).toMatchObject({
      ok: true,
      strategy: "tool",
    });
  });

  it("falls back to the text when the tool input is not a qualification", () => {
    const r = extractQualification({ text: `\`\`\`json\n${json}\n\`\`\``, structured: { intent: "rent" } });
    expect(r).toMatchObject({ ok: true, value: lead, strategy: "fence" });
  });

  it("takes the first valid qualification when the text holds two JSON objects", () => {
    const second = JSON.stringify({ ...lead, intent: "sell" });
    expect(extractQualification({ text: `A: ${json} B: ${second}` })).toMatchObject({ value: lead });
    const notAQualification = JSON.stringify({ note: "thinking" });
    expect(extractQualification({ text: `${notAQualification}\n${json}` })).toMatchObject({ value: lead });
  });

  it("repairs trailing commas and says so", () => {
    const text =
      'Result: {"intent": "sell", "intentConfidence": 0.8, "timeline": "3-6m", "financing": "unknown",}';
    const r = extractQualification({ text });
    expect(r).toMatchObject({ ok: true, repaired: true, strategy: "scan", value: { intent: "sell" } });
  });

  it("is not fooled by braces and escaped quotes inside strings, or stray braces in prose", () => {
    const q = { ...lead, summary: 'Said "I want {a yard}" \\ and } then {' };
    const text = `Notes {draft} and { unbalanced... ${JSON.stringify(q)} trailing } text`;
    expect(extractQualification({ text })).toMatchObject({ ok: true, value: q, strategy: "scan" });
  });

  it("says why nothing was found", () => {
    expect(extractQualification({ text: "  \n" })).toEqual({ ok: false, reason: "empty" });
    expect(extractQualification({ text: "I could not decide." })).toEqual({ ok: false, reason: "no_json" });
    expect(extractQualification({ text: '{"intent": "buy",' })).toEqual({ ok: false, reason: "no_json" });
  });

  it("reports the first object's validation errors when no object is a qualification", () => {
    const r = extractQualification({ text: '{"intent": "rent", "intentConfidence": 0.9} {"x": 1}' });
    expect(r).toEqual({
      ok: false,
      reason: "invalid",
      errors: [{ path: "intent", message: expect.any(String) }],
    });
  });
});

describe("extractJson", () => {
  it.each([
    ['{"a": 1}', "whole"],
    ['```json\n{"a": 1}\n```', "fence"],
    ['The answer is {"a": 1}.', "scan"],
  ])("finds the object in %j by the %s strategy", (text, strategy) => {
    expect(extractJson(text)).toEqual({ ok: true, value: { a: 1 }, strategy, repaired: false });
  });

  it("counts only objects as answers", () => {
    expect(extractJson("[1, 2]")).toEqual({ ok: false, reason: "no_json" });
    expect(extractJson('"just a string"')).toEqual({ ok: false, reason: "no_json" });
    expect(extractJson("")).toEqual({ ok: false, reason: "empty" });
  });

  it("stays linear on a megabyte of adversarial braces (finishes; no quadratic blow-up)", () => {
    const mb = 1 << 20;
    expect(extractJson("{".repeat(mb))).toEqual({ ok: false, reason: "no_json" });
    expect(extractJson('{"a":'.repeat(mb / 5))).toEqual({ ok: false, reason: "no_json" });
    expect(extractJson("```{".repeat(mb / 4))).toEqual({ ok: false, reason: "no_json" });
    expect(extractJson("{a}".repeat(mb / 3))).toEqual({ ok: false, reason: "no_json" });
  });
});

describe("extraction properties", () => {
  const prose = fc.string({ maxLength: 60 });
  const wrap = fc.constantFrom(
    (j: string) => j,
    (j: string) => `\`\`\`json\n${j}\n\`\`\``,
    (j: string) => `\`\`\`\n${j}\n\`\`\``,
    (j: string) => `\`\`\`JSON ${j} \`\`\``,
  );

  it("property: any valid qualification wrapped in prose, fences or trailing text is recovered exactly", () => {
    fc.assert(
      fc.property(qualificationArb, prose, prose, wrap, fc.boolean(), (q, before, after, fence, indent) => {
        const body = indent ? JSON.stringify(q, null, 2) : JSON.stringify(q);
        const r = extractQualification({ text: `${before}${fence(body)}${after}` });
        expect(r).toMatchObject({ ok: true, value: q });
      }),
      { numRuns: 200 },
    );
  });

  const nasty = fc.string({ unit: fc.constantFrom(...'{}[]"\\`:,a1 \n'), maxLength: 300 });
  it.each([
    ["fc.string", fc.string({ maxLength: 300 })],
    ["full Unicode strings", fc.string({ unit: "binary", maxLength: 300 })],
    ['strings of {}[]"\\` characters', nasty],
  ])("property: extraction never throws on %s", (_name, text) => {
    fc.assert(
      fc.property(text, fc.anything(), (t, structured) => {
        const j = extractJson(t);
        expect(j.ok ? STRATEGIES.includes(j.strategy) : ["empty", "no_json"].includes(j.reason)).toBe(true);
        const q = extractQualification({ text: t, structured });
        expect(
          q.ok ? STRATEGIES.includes(q.strategy) : ["empty", "no_json", "invalid"].includes(q.reason),
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("property: any JSON object embedded in brace-free prose is found exactly", () => {
    const plain = fc.string({ maxLength: 60 }).map((s) => s.replace(/[{}`]/g, ""));
    const object = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });
    fc.assert(
      fc.property(plain, object, plain, (before, value, after) => {
        const json = JSON.stringify(value);
        // Compare with the JSON's own reading (JSON has no -0, so {"a": -0} reads back as {"a": 0}).
        expect(extractJson(`${before}${json}${after}`)).toMatchObject({ ok: true, value: JSON.parse(json) });
      }),
      { numRuns: 200 },
    );
  });
});
