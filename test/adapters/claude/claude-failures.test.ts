import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClaudeLanguageModel } from "../../../src/adapters/claude/claude-language-model.ts";
import { ModelError, type ModelRequest } from "../../../src/ports/language-model.ts";
import { FakeAnthropicServer } from "../../fakes/fake-anthropic-server.ts";
import { refusedUrl, type ScriptStep } from "../../fakes/scripted-http-server.ts";

const KEY = "sk-ant-secret-key-0042";
const REQUEST: ModelRequest = {
  model: "claude-haiku-4-5",
  system: "You route real-estate leads.",
  messages: [{ role: "user", content: "I might sell my condo next year." }],
  maxTokens: 256,
};

let fake: FakeAnthropicServer;
let model: ClaudeLanguageModel;

beforeAll(async () => {
  fake = await FakeAnthropicServer.start({ apiKey: KEY, slowMs: 30_000 });
  model = new ClaudeLanguageModel({ apiKey: KEY, baseURL: fake.url, timeoutMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => fake.resetScript());

/** The ModelError a call fails with (fails the test if the call succeeds). */
async function failure(call: Promise<unknown>): Promise<ModelError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe("ClaudeLanguageModel failures, one HTTP request each (SDK retries are off)", () => {
  it.each<[string, string, ScriptStep, number | undefined, boolean]>([
    ["429 rate_limit_error", "rate_limited", { status: 429, headers: { "retry-after": "7" } }, 429, true],
    ["529 overloaded_error", "overloaded", { status: 529 }, 529, true],
    ["500 api_error", "server_error", { status: 500 }, 500, true],
    ["502 api_error", "server_error", { status: 502 }, 502, true],
    ["503 api_error", "server_error", { status: 503 }, 503, true],
    ["400 invalid_request_error", "invalid_request", { status: 400 }, 400, false],
    ["403 permission_error", "auth", { status: 403 }, 403, false],
    ["a dropped connection", "unavailable", "down", undefined, true],
    ["an answer slower than the timeout", "timeout", "slow", undefined, true],
  ])("%s → %s", async (_what, code, step, status, retryable) => {
    fake.script([step]);
    const error = await failure(model.complete(REQUEST));

    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(fake.requestCount).toBe(1);
  });

  it("carries retry-after (seconds) of a 429 as retryAfterMs", async () => {
    fake.script([{ status: 429, headers: { "retry-after": "7" } }]);
    const error = await failure(model.complete(REQUEST));

    expect(error.retryAfterMs).toBe(7_000);
  });

  it("prefers retry-after-ms to retry-after", async () => {
    fake.script([{ status: 429, headers: { "retry-after": "7", "retry-after-ms": "1250" } }]);
    const error = await failure(model.complete(REQUEST));

    expect(error.retryAfterMs).toBe(1_250);
  });

  it("reads retry-after given as an HTTP date", async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    fake.script([{ status: 429, headers: { "retry-after": inTwoMinutes } }]);
    const error = await failure(model.complete(REQUEST));

    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it("maps an overloaded_error body to overloaded whatever its status", async () => {
    fake.script([
      { status: 503, body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } } },
    ]);
    const error = await failure(model.complete(REQUEST));

    expect(error.code).toBe("overloaded");
  });

  it("maps a request the API itself refuses (no messages) to invalid_request", async () => {
    const error = await failure(model.complete({ ...REQUEST, messages: [] }));

    expect(error.code).toBe("invalid_request");
    expect(error.message).toContain("messages");
  });

  it("maps an unknown model to invalid_request", async () => {
    const error = await failure(model.complete({ ...REQUEST, model: "gpt-4o" }));

    expect(error.code).toBe("invalid_request");
    expect(error.status).toBe(404);
  });
});

describe("ClaudeLanguageModel with a wrong key", () => {
  const wrongKey = "sk-ant-wrong-key-9999";

  it("fails with auth, and the message never shows the key", async () => {
    const wrong = new ClaudeLanguageModel({ apiKey: wrongKey, baseURL: fake.url, timeoutMs: 1_000 });
    const error = await failure(wrong.complete(REQUEST));

    expect(error.code).toBe("auth");
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(wrongKey);
    expect(fake.requestCount).toBe(1);
  });
});

describe("ClaudeLanguageModel with nothing listening", () => {
  it("fails with unavailable on a refused connection", async () => {
    const offline = new ClaudeLanguageModel({ apiKey: KEY, baseURL: await refusedUrl(), timeoutMs: 1_000 });
    const error = await failure(offline.complete(REQUEST));

    expect(error.code).toBe("unavailable");
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain(KEY);
  });
});
