import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OfflineLanguageModel } from "../../../src/adapters/offline/offline-language-model.ts";
import { OFFLINE_RULES_MODEL_ID } from "../../../src/adapters/offline/offline-model-id.ts";
import { OFFLINE_MODEL_ID } from "../../../src/domain/models.ts";
import { ModelError, type ModelRequest } from "../../../src/ports/language-model.ts";
import type { Qualification } from "../../../src/ports/qualification.ts";
import { LEAD_MESSAGES } from "./lead-messages.fixtures.ts";

const model = new OfflineLanguageModel();

const QUALIFY_SCHEMA = {
  name: "record_qualification",
  description: "The lead's qualification",
  jsonSchema: { type: "object" },
};

function request(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    model: "claude-sonnet-4-5",
    system: "You qualify real-estate leads.",
    messages: [{ role: "user", content: "We want to buy a 3 bed in Austin, budget $450k, pre-approved" }],
    maxTokens: 1024,
    ...overrides,
  };
}

describe("OfflineLanguageModel", () => {
  it("reports the same model id as the domain's OFFLINE_MODEL_ID", () => {
    expect(OFFLINE_RULES_MODEL_ID).toBe(OFFLINE_MODEL_ID);
  });

  it("is named 'offline' and answers as the offline model whatever model was asked for", async () => {
    const response = await model.complete(request({ task: "reply:lead" }));
    expect(model.name).toBe("offline");
    expect(response.model).toBe(OFFLINE_MODEL_ID);
  });

  it("answers a schema request with a structured qualification and its summary", async () => {
    const response = await model.complete(request({ outputSchema: QUALIFY_SCHEMA }));
    const q = response.structured as Qualification;
    expect(q).toMatchObject({
      intent: "buy",
      bedrooms: 3,
      location: "Austin",
      budgetMax: 450_000,
      financing: "pre_approved",
    });
    expect(response.text).toBe(q.summary);
    expect(response.stopReason).toBe("tool_use");
  });

  it("qualifies on task 'qualify' too, from the lead's messages only", async () => {
    const response = await model.complete(
      request({
        task: "qualify",
        messages: [
          { role: "user", content: "Hi" },
          {
            role: "assistant",
            content: "Are you looking to buy a home, sell one, or both? We can help you sell fast.",
          },
          { role: "user", content: "buy, in Denver" },
        ],
      }),
    );
    expect(response.structured).toMatchObject({ intent: "buy", location: "Denver" });
  });

  it("writes a reply as text for reply tasks, ending its turn", async () => {
    const response = await model.complete(request({ task: "reply:buyer" }));
    expect(response.structured).toBeUndefined();
    expect(response.text).toContain("Are you after a single-family home, a condo or a townhouse?");
    expect(response.stopReason).toBe("end_turn");
  });

  it("estimates usage as ceil(chars / 4) of system + messages in, of the answer out, with no cache tokens", async () => {
    const req = request({
      system: "abcd".repeat(10),
      messages: [{ role: "user", content: "hello" }],
      task: "reply:lead",
    });
    const response = await model.complete(req);
    expect(response.usage).toEqual({
      inputTokens: 10 + 2,
      outputTokens: Math.ceil([...response.text].length / 4),
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
    });
  });

  it("counts the serialised qualification as the output of a schema request", async () => {
    const response = await model.complete(request({ outputSchema: QUALIFY_SCHEMA }));
    expect(response.usage.outputTokens).toBe(Math.ceil(JSON.stringify(response.structured).length / 4));
  });

  it("stops at maxTokens, as a real model would", async () => {
    const response = await model.complete(request({ task: "reply:lead", maxTokens: 3 }));
    expect(response.stopReason).toBe("max_tokens");
    expect([...response.text].length).toBe(12);
    expect(response.usage.outputTokens).toBe(3);
  });

  it("rejects a maxTokens no model could honour", async () => {
    await expect(model.complete(request({ maxTokens: 0 }))).rejects.toBeInstanceOf(ModelError);
    await expect(model.complete(request({ maxTokens: 0 }))).rejects.toMatchObject({
      code: "invalid_request",
      retryable: false,
    });
  });

  it("reads month names against a date stated in the system prompt", async () => {
    const messages = [{ role: "user" as const, content: "We want to buy a house by June" }];
    const withDate = await model.complete(
      request({ task: "qualify", system: "Today is 2026-05-02.", messages }),
    );
    const withoutDate = await model.complete(request({ task: "qualify", messages }));
    expect(withDate.structured).toMatchObject({ timeline: "0-3m" });
    expect(withoutDate.structured).toMatchObject({ timeline: "unknown" });
  });

  it("is deterministic: the same request always gets the same response", async () => {
    const turns = fc.array(
      fc.record({
        role: fc.constantFrom("user" as const, "assistant" as const),
        content: fc.oneof(fc.string(), fc.constantFrom(...LEAD_MESSAGES.flatMap((f) => f.messages))),
      }),
      { maxLength: 5 },
    );
    const task = fc.constantFrom("qualify", "reply:lead", "reply:buyer", "reply:seller", undefined);
    await fc.assert(
      fc.asyncProperty(turns, task, async (messages, t) => {
        const req = request({ messages, ...(t !== undefined && { task: t }) });
        expect(await model.complete(req)).toEqual(await model.complete(structuredClone(req)));
      }),
      { numRuns: 200 },
    );
  });
});
