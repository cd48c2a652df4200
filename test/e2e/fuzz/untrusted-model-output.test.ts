/**
 * Model output is untrusted. A cloud model that answers schema-invalid output (garbage, wrong types,
 * out-of-range numbers, unknown enum values, fenced or prose-wrapped broken JSON) is retried, then falls
 * back down the chain to the offline model: the invalid answer is never served, cached or stored, and
 * every billed attempt is in the ledger once.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LruCacheTier } from "../../../src/adapters/memory/lru-cache-tier.ts";
import { MemoryContactStore } from "../../../src/adapters/memory/memory-contact-store.ts";
import { MemoryCostLedger } from "../../../src/adapters/memory/memory-cost-ledger.ts";
import { MemoryLeadStore } from "../../../src/adapters/memory/memory-lead-store.ts";
import { OfflineLanguageModel } from "../../../src/adapters/offline/offline-language-model.ts";
import { LIST_2026 } from "../../../src/domain/cost/price-table.ts";
import { LeadQualifier } from "../../../src/domain/lead-qualifier.ts";
import { MODEL_IDS, OFFLINE_MODEL_ID } from "../../../src/domain/models.ts";
import { validateQualification } from "../../../src/domain/qualification-schema.ts";
import { extractQualification } from "../../../src/domain/response-extraction.ts";
import { DEFAULT_RETRY_POLICY } from "../../../src/domain/retry-policy.ts";
import { TieredCache } from "../../../src/domain/tiered-cache.ts";
import type { LanguageModel } from "../../../src/ports/language-model.ts";
import { qualificationArb } from "../../domain/qualification-arbitrary.ts";
import { invalidOutput, scriptedCloud } from "./invalid-model-output.ts";

// A short qualify request routes to Sonnet, then Haiku, then the offline model; two attempts per cloud model.
const CLOUD_CALLS = 2 * DEFAULT_RETRY_POLICY.attemptsPerModel;

function qualifierWith(cloud: LanguageModel) {
  let t = 1_800_000_000_000;
  const clock = {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
  const l1 = new LruCacheTier({ name: "L1" });
  const stores = {
    ledger: new MemoryCostLedger(),
    leads: new MemoryLeadStore(),
    contacts: new MemoryContactStore(),
  };
  const qualifier = new LeadQualifier({
    cache: new TieredCache([{ tier: l1, ttlMs: 60_000 }], clock),
    cloud,
    offline: new OfflineLanguageModel(),
    ...stores,
    clock,
    random: { next: () => 0.5 },
    prices: LIST_2026,
    retry: DEFAULT_RETRY_POLICY,
    tiers: [{ name: "L1", kind: "memory" }],
  });
  return { qualifier, l1, ...stores };
}

let n = 0;
const qualify = (q: LeadQualifier, text = "We want to buy a condo in Miami, pre-approved for 400k") =>
  q.qualify({ tenant: "acme", requestId: `req-${++n}`, lead: {}, messages: [text] });

describe("untrusted model output", () => {
  it("property: schema-invalid cloud output is retried, then the offline model answers; the invalid answer is never served, cached or stored, and each billed attempt is recorded once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(invalidOutput, { minLength: CLOUD_CALLS, maxLength: CLOUD_CALLS }),
        async (script) => {
          const cloud = scriptedCloud(script);
          const { qualifier, l1, leads, ledger } = qualifierWith(cloud.model);
          const r = await qualify(qualifier);
          expect(cloud.calls).toEqual([MODEL_IDS.sonnet, MODEL_IDS.sonnet, MODEL_IDS.haiku, MODEL_IDS.haiku]);
          expect(r).toMatchObject({ model: OFFLINE_MODEL_ID, cache: "origin", attempts: CLOUD_CALLS + 1 });
          expect(validateQualification(r.qualification)).toEqual({ ok: true, value: r.qualification });
          const stored = await leads.get("acme", r.leadId);
          expect(stored?.qualification).toEqual(r.qualification);
          // A fallback answer is not cached, and nothing of the cloud's answers is.
          expect(await l1.get(stored!.cacheKey)).toEqual({ kind: "miss" });
          const rows = await ledger.summary("acme");
          const failed = rows.filter((row) => row.operation === "lead_qualification.failed_attempt");
          expect(failed.reduce((k, row) => k + row.count, 0)).toBe(CLOUD_CALLS);
          expect(rows.find((row) => row.operation === "lead_qualification")).toMatchObject({
            model: OFFLINE_MODEL_ID,
            count: 1,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: whichever attempt first answers validly is served, stored and (from the routed model only) cached; invalid ones before it are not", async () => {
    const answer = fc.oneof(
      invalidOutput,
      qualificationArb.map((q) => ({ text: "", structured: q })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: CLOUD_CALLS, maxLength: CLOUD_CALLS }),
        async (script) => {
          const { qualifier, l1, leads } = qualifierWith(scriptedCloud(script).model);
          const r = await qualify(qualifier);
          const first = script.findIndex((o) => extractQualification(o).ok);
          const expected = first < 0 ? OFFLINE_MODEL_ID : first < 2 ? MODEL_IDS.sonnet : MODEL_IDS.haiku;
          expect(r.model).toBe(expected);
          const served = first >= 0 ? extractQualification(script[first]!) : undefined;
          if (served?.ok) expect(r.qualification).toEqual(served.value);
          expect(validateQualification(r.qualification)).toEqual({ ok: true, value: r.qualification });
          const stored = await leads.get("acme", r.leadId);
          expect(stored?.qualification).toEqual(r.qualification);
          const cached = await l1.get(stored!.cacheKey);
          if (expected !== MODEL_IDS.sonnet) expect(cached).toEqual({ kind: "miss" });
          else if (cached.kind === "hit")
            expect(JSON.parse(cached.value).qualification).toEqual(r.qualification);
          else expect.unreachable("the routed model's valid answer is cached");
        },
      ),
      { numRuns: 200 },
    );
  });

  // An answer read back from a cache tier is untrusted (a poisoned or corrupted L2/L3 row): it is validated again.
  it("a cached answer that fails the schema is never served or stored as is: it is dropped and answered afresh", async () => {
    const valid = {
      text: "",
      structured: { intent: "buy", intentConfidence: 0.9, timeline: "0-3m", financing: "cash" },
    };
    const { qualifier, l1, leads } = qualifierWith(scriptedCloud([valid]).model);
    const first = await qualify(qualifier, "poisoned cache case");
    const key = (await leads.get("acme", first.leadId))!.cacheKey;
    const poisoned = { qualification: { intent: "purchase", intentConfidence: 7 }, model: MODEL_IDS.sonnet };
    await l1.set(key, JSON.stringify(poisoned), 60_000);
    const again = await qualify(qualifier, "poisoned cache case");
    expect(validateQualification(again.qualification).ok).toBe(true);
    expect(validateQualification((await leads.get("acme", again.leadId))?.qualification).ok).toBe(true);
  });

  it("a cached entry that is not JSON is treated as a miss, not thrown", async () => {
    const valid = {
      text: "",
      structured: { intent: "sell", intentConfidence: 0.9, timeline: "3-6m", financing: "unknown" },
    };
    const { qualifier, l1, leads } = qualifierWith(scriptedCloud([valid]).model);
    const first = await qualify(qualifier, "corrupted cache case");
    await l1.set((await leads.get("acme", first.leadId))!.cacheKey, "{not json", 60_000);
    const again = await qualify(qualifier, "corrupted cache case");
    expect(again.qualification.intent).toBe("sell");
  });
});
