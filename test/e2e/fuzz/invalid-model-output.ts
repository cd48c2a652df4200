/** Untrusted model output for the fallback tests: schema-invalid answers, and a cloud model that plays a script. */
import fc from "fast-check";
import { extractQualification, type ModelOutput } from "../../../src/domain/response-extraction.ts";
import type { LanguageModel } from "../../../src/ports/language-model.ts";
import { qualificationArb } from "../../domain/qualification-arbitrary.ts";

const usage = { inputTokens: 800, outputTokens: 150, cacheWriteTokens: 0, cacheReadTokens: 0 };

/** A qualification broken in exactly one way the schema forbids. */
export const brokenQualification = fc
  .tuple(
    qualificationArb,
    fc.constantFrom<Record<string, unknown>>(
      { intent: "purchase" },
      { intent: 7 },
      { intent: null },
      { intentConfidence: 1.5 },
      { intentConfidence: -0.1 },
      { intentConfidence: "NaN" },
      { timeline: "soon" },
      { financing: ["cash"] },
      { budgetMin: 600_000, budgetMax: 500_000 },
      { budgetMax: "about 450k" },
      { priceExpectation: -1 },
      { bedrooms: 51 },
      { bedrooms: 2.5 },
      { hasAgent: "maybe" },
      { location: 42 },
      { propertyCondition: "haunted" },
    ),
  )
  .map(([q, breakage]) => ({ ...q, ...breakage }));

/** Model output that no extraction strategy can turn into a valid Qualification. */
export const invalidOutput: fc.Arbitrary<ModelOutput> = fc
  .oneof(
    fc.record({ text: fc.string(), structured: fc.anything() }),
    fc.record({ text: fc.jsonValue().map((v) => JSON.stringify(v)) }),
    brokenQualification.map((q) => ({ text: "", structured: q })),
    brokenQualification.map((q) => ({ text: `\`\`\`json\n${JSON.stringify(q)}\n\`\`\`` })),
    brokenQualification.map((q) => ({ text: `Sure! Here it is: ${JSON.stringify(q)} Anything else?` })),
    brokenQualification.map((q) => ({ text: "", structured: JSON.stringify(q) })),
  )
  .filter((o) => !extractQualification(o).ok);

/** A cloud model answering call n (1-based) with script[n - 1]. */
export function scriptedCloud(script: readonly ModelOutput[]) {
  const calls: string[] = [];
  const model: LanguageModel = {
    name: "untrusted-cloud",
    async complete(req) {
      calls.push(req.model);
      const out = script[calls.length - 1] ?? script[script.length - 1]!;
      return { ...out, text: out.text ?? "", usage, model: req.model, stopReason: "tool_use" };
    },
  };
  return { model, calls };
}
