import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ROUTING_THRESHOLDS,
  type RoutingFeatures,
  RoutingFeaturesError,
  type RoutingTask,
  routeModel,
} from "../../src/domain/model-routing.ts";
import { MODEL_IDS, type ModelTier, OFFLINE_MODEL_ID } from "../../src/domain/models.ts";

const TASKS: RoutingTask[] = ["intent", "qualify", "reply", "summarize", "negotiate", "rag"];
const RANK: Record<ModelTier, number> = { haiku: 0, sonnet: 1, opus: 2 };
const short = { messageCount: 2, totalChars: 300 };
const medium = { messageCount: 12, totalChars: 4_000 };
const long = { messageCount: 60, totalChars: 30_000 };

describe("routeModel: examples per task", () => {
  it.each<[RoutingTask, typeof short, ModelTier]>([
    ["intent", short, "haiku"],
    ["intent", medium, "sonnet"],
    ["intent", long, "sonnet"],
    ["summarize", short, "haiku"],
    ["summarize", long, "sonnet"],
    ["reply", short, "haiku"],
    ["reply", medium, "sonnet"],
    ["reply", long, "opus"],
    ["qualify", short, "sonnet"],
    ["qualify", medium, "sonnet"],
    ["qualify", long, "opus"],
    ["rag", short, "sonnet"],
    ["rag", long, "opus"],
    ["negotiate", short, "opus"],
  ])("routes %s with %j to %s", (task, size, tier) => {
    const r = routeModel({ task, ...size });
    expect(r.tier).toBe(tier);
    expect(r.model).toBe(MODEL_IDS[tier]);
  });

  it("sends RAG over many documents to opus, over a few to sonnet", () => {
    expect(routeModel({ task: "rag", ...short, documentCount: 5 }).tier).toBe("opus");
    expect(routeModel({ task: "rag", ...short, documentCount: 2 }).tier).toBe("sonnet");
  });

  it("lifts a short reply with an attachment to sonnet", () => {
    expect(routeModel({ task: "reply", ...short, hasAttachmentsOrDocuments: true }).tier).toBe("sonnet");
  });

  it("counts a long text in few messages as a long history", () => {
    expect(routeModel({ task: "reply", messageCount: 1, totalChars: 50_000 }).tier).toBe("opus");
  });

  it("gives a reason naming the task, the tier and why", () => {
    expect(routeModel({ task: "qualify", ...short }).reason).toBe(
      "qualify → sonnet: short exchange (2 messages, 300 chars); qualify needs at least sonnet",
    );
    expect(routeModel({ task: "reply", ...long }).reason).toBe(
      "reply → opus: long history (60 messages, 30000 chars)",
    );
  });

  it("lets callers override the thresholds", () => {
    const strict = { ...ROUTING_THRESHOLDS, longMinMessages: 10 };
    expect(routeModel({ task: "reply", ...medium }, strict).tier).toBe("opus");
    expect(routeModel({ task: "reply", ...medium }).tier).toBe("sonnet");
  });

  it("falls back on overload to cheaper tiers, haiku to sonnet, always ending offline", () => {
    expect(routeModel({ task: "negotiate", ...short }).fallbackChain).toEqual([
      MODEL_IDS.sonnet,
      MODEL_IDS.haiku,
      OFFLINE_MODEL_ID,
    ]);
    expect(routeModel({ task: "qualify", ...short }).fallbackChain).toEqual([
      MODEL_IDS.haiku,
      OFFLINE_MODEL_ID,
    ]);
    expect(routeModel({ task: "intent", ...short }).fallbackChain).toEqual([
      MODEL_IDS.sonnet,
      OFFLINE_MODEL_ID,
    ]);
  });

  it.each([
    { task: "poetry", ...short },
    { task: "reply", messageCount: -1, totalChars: 0 },
    { task: "reply", messageCount: 1, totalChars: Number.NaN },
    { task: "rag", ...short, documentCount: Number.POSITIVE_INFINITY },
  ])("rejects nonsense features %j with a coded error", (features) => {
    expect(() => routeModel(features as RoutingFeatures)).toThrow(RoutingFeaturesError);
    expect(() => routeModel(features as RoutingFeatures)).toThrow(
      expect.objectContaining({ code: "invalid_routing_features" }),
    );
  });
});

const size = fc.nat({ max: 100_000 });
const featuresArb: fc.Arbitrary<RoutingFeatures> = fc.record(
  {
    task: fc.constantFrom(...TASKS),
    messageCount: fc.nat({ max: 200 }),
    totalChars: size,
    hasAttachmentsOrDocuments: fc.boolean(),
    documentCount: fc.nat({ max: 20 }),
  },
  { requiredKeys: ["task", "messageCount", "totalChars"] },
);

describe("routeModel: properties", () => {
  it("property: routing is deterministic (same features, same decision)", () => {
    fc.assert(
      fc.property(featuresArb, (f) => {
        expect(routeModel({ ...f })).toEqual(routeModel(f));
      }),
      { numRuns: 200 },
    );
  });

  it("property: more messages, characters or documents never route to a cheaper tier", () => {
    fc.assert(
      fc.property(
        featuresArb,
        fc.nat({ max: 100 }),
        size,
        fc.nat({ max: 10 }),
        (f, moreMsgs, moreChars, moreDocs) => {
          const bigger = {
            ...f,
            messageCount: f.messageCount + moreMsgs,
            totalChars: f.totalChars + moreChars,
            ...(f.documentCount === undefined ? {} : { documentCount: f.documentCount + moreDocs }),
          };
          expect(RANK[routeModel(bigger).tier]).toBeGreaterThanOrEqual(RANK[routeModel(f).tier]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: the fallback chain never holds the chosen model, has no repeats and ends offline", () => {
    fc.assert(
      fc.property(featuresArb, (f) => {
        const r = routeModel(f);
        expect(r.fallbackChain).not.toContain(r.model);
        expect(new Set(r.fallbackChain).size).toBe(r.fallbackChain.length);
        expect(r.fallbackChain.at(-1)).toBe(OFFLINE_MODEL_ID);
        expect(r.model).toBe(MODEL_IDS[r.tier]);
        expect(r.reason.startsWith(`${f.task} → ${r.tier}: `)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
