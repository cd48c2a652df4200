import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClaudeLanguageModel } from "../../../src/adapters/claude/claude-language-model.ts";
import type { ModelRequest } from "../../../src/ports/language-model.ts";
import { FakeAnthropicServer, plausibleQualification } from "../../fakes/fake-anthropic-server.ts";

const QUALIFY: ModelRequest = {
  model: "claude-sonnet-4-5",
  system: "You qualify real-estate leads.",
  messages: [
    { role: "user", content: "Hi, we want to buy a 3-bed in Austin, pre-approved at $480k." },
    { role: "assistant", content: "Great! When would you like to move?" },
    { role: "user", content: "Within two months." },
  ],
  maxTokens: 512,
  outputSchema: {
    name: "record_qualification",
    description: "Record what the lead said about buying or selling.",
    jsonSchema: { type: "object", properties: { intent: { type: "string" } }, required: ["intent"] },
  },
};

let fake: FakeAnthropicServer;
let model: ClaudeLanguageModel;

beforeAll(async () => {
  fake = await FakeAnthropicServer.start({ apiKey: "sk-ant-test-123" });
  model = new ClaudeLanguageModel({ apiKey: "sk-ant-test-123", baseURL: fake.url, timeoutMs: 2_000 });
});
afterAll(() => fake.close());
beforeEach(() => fake.resetScript());

describe("ClaudeLanguageModel.complete with an output schema", () => {
  it("returns the forced tool's input as the structured answer", async () => {
    const answer = { intent: "buy", intentConfidence: 0.9, timeline: "0-3m", financing: "pre_approved" };
    fake.toolInput = () => answer;
    const response = await model.complete(QUALIFY);
    fake.toolInput = plausibleQualification;

    expect(response.structured).toEqual(answer);
    expect(response.text).toBe("");
    expect(response.stopReason).toBe("tool_use");
    expect(response.model).toBe("claude-sonnet-4-5-20250929"); // the dated snapshot the alias points to
  });

  it("sends one forced tool built from the schema, and the system prompt marked for caching", async () => {
    await model.complete(QUALIFY);

    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe("/v1/messages");
    expect(sent.body).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 512,
      system: [
        { type: "text", text: "You qualify real-estate leads.", cache_control: { type: "ephemeral" } },
      ],
      messages: QUALIFY.messages,
      tools: [
        {
          name: "record_qualification",
          description: "Record what the lead said about buying or selling.",
          input_schema: { type: "object", properties: { intent: { type: "string" } }, required: ["intent"] },
        },
      ],
      tool_choice: { type: "tool", name: "record_qualification" },
    });
  });

  it("authenticates with the key and names the API version (SDK 1.x: Authorization: Bearer, 2026-10-21)", async () => {
    await model.complete(QUALIFY);

    const headers = fake.requests[0]!.headers;
    expect(headers.authorization).toBe("Bearer sk-ant-test-123");
    expect(headers["anthropic-version"]).toBe("2026-10-21");
    expect(headers["content-type"]).toContain("application/json");
  });

  it("does not send the sampling parameters API version 2026-10-21 refuses", async () => {
    await model.complete(QUALIFY);

    const body = fake.requests[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty("temperature");
    expect(body).not.toHaveProperty("top_p");
    expect(body).not.toHaveProperty("top_k");
  });
});

describe("ClaudeLanguageModel.complete without an output schema", () => {
  const chat: ModelRequest = { ...QUALIFY, outputSchema: undefined, system: "Answer with JSON only." };

  it("returns a fenced-JSON text answer intact, with no structured answer", async () => {
    const fenced = '```json\n{"intent": "sell", "intentConfidence": 0.8}\n```\nHappy to help further!';
    fake.text = () => fenced;
    const response = await model.complete(chat);

    expect(response.text).toBe(fenced);
    expect(response.structured).toBeUndefined();
    expect(response.stopReason).toBe("end_turn");
  });

  it("sends no tools", async () => {
    await model.complete(chat);

    expect(fake.requests[0]!.body).not.toHaveProperty("tools");
    expect(fake.requests[0]!.body).not.toHaveProperty("tool_choice");
  });

  it("leaves out an empty system prompt instead of sending an empty block the API refuses", async () => {
    const response = await model.complete({ ...chat, system: "" });

    expect(fake.requests[0]!.body).not.toHaveProperty("system");
    expect(response.stopReason).toBe("end_turn");
  });
});

describe("ClaudeLanguageModel usage accounting", () => {
  const longSystem = `You qualify real-estate leads. ${"Follow the brokerage's fair-housing rules. ".repeat(120)}`;

  it("reports a cache write on the first call with a long system prompt, then cache reads", async () => {
    const request = { ...QUALIFY, system: longSystem };
    const first = await model.complete(request);
    const second = await model.complete(request);

    expect(first.usage.cacheWriteTokens).toBeGreaterThan(1024);
    expect(first.usage.cacheReadTokens).toBe(0);
    expect(second.usage.cacheReadTokens).toBe(first.usage.cacheWriteTokens);
    expect(second.usage.cacheWriteTokens).toBe(0);
    expect(second.usage.inputTokens).toBe(first.usage.inputTokens);
    expect(first.usage.inputTokens).toBeGreaterThan(0);
    expect(first.usage.outputTokens).toBeGreaterThan(0);
  });

  it("counts null cache figures as zero", async () => {
    fake.script([
      {
        status: 200,
        body: {
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: "claude-haiku-4-5",
          content: [{ type: "text", text: "Hello!", citations: null }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: {
            input_tokens: 12,
            output_tokens: 3,
            cache_creation_input_tokens: null,
            cache_read_input_tokens: null,
          },
        },
      },
    ]);
    const response = await model.complete(QUALIFY);

    expect(response.usage).toEqual({
      inputTokens: 12,
      outputTokens: 3,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
    });
    expect(response.model).toBe("claude-haiku-4-5");
    expect(response.structured).toBeUndefined();
  });
});

describe("ClaudeLanguageModel construction", () => {
  it.each([
    ["an empty key", { apiKey: " ", timeoutMs: 1_000 }],
    ["a zero timeout", { apiKey: "k", timeoutMs: 0 }],
  ])("refuses %s", (_what, options) => {
    expect(() => new ClaudeLanguageModel(options)).toThrow(TypeError);
  });
});
