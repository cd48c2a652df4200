/** The fake Anthropic API the adapter is tested against behaves as the real one does where a client can tell. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeAnthropicServer } from "../../fakes/fake-anthropic-server.ts";

let fake: FakeAnthropicServer;

beforeAll(async () => {
  fake = await FakeAnthropicServer.start({ apiKey: "k-1" });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.resetScript();
  fake.setLatency(undefined);
});

const BODY = { model: "claude-haiku-4-5", max_tokens: 64, messages: [{ role: "user", content: "Hello" }] };

function post(headers: Record<string, string>, body: unknown = BODY): Promise<Response> {
  return fetch(`${fake.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("the fake Anthropic Messages API", () => {
  it("accepts the key as x-api-key, as curl users send it", async () => {
    const response = await post({ "x-api-key": "k-1", "anthropic-version": "2023-06-01" });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: "message", role: "assistant", stop_sequence: null });
  });

  it("answers a missing anthropic-version with a 400 in the API's error shape and a request-id", async () => {
    const response = await post({ "x-api-key": "k-1" });

    expect(response.status).toBe(400);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });

  it("answers a missing key with 401 authentication_error", async () => {
    const response = await post({ "anthropic-version": "2026-10-21" });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: "authentication_error" } });
  });

  it("refuses temperature on API version 2026-10-21 but not on 2023-06-01", async () => {
    const body = { ...BODY, temperature: 0.2 };
    const refused = await post({ "x-api-key": "k-1", "anthropic-version": "2026-10-21" }, body);
    const accepted = await post({ "x-api-key": "k-1", "anthropic-version": "2023-06-01" }, body);

    expect(refused.status).toBe(400);
    expect(accepted.status).toBe(200);
  });

  it("adds retry-after to a scripted 429 unless the script gives its own", async () => {
    fake.script([{ status: 429 }, { status: 429, headers: { "Retry-After": "9" } }]);
    const first = await post({ "x-api-key": "k-1", "anthropic-version": "2026-10-21" });
    const second = await post({ "x-api-key": "k-1", "anthropic-version": "2026-10-21" });

    expect(first.headers.get("retry-after")).toBe("1");
    expect(await first.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    expect(second.headers.get("retry-after")).toBe("9");
  });

  it("logs each request with its method, path, headers and parsed body", async () => {
    await post({ "x-api-key": "k-1", "anthropic-version": "2026-10-21" });

    expect(fake.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/v1/messages", body: BODY, malformedJson: false }),
    ]);
    expect(fake.requests[0]?.headers["x-api-key"]).toBe("k-1");
  });

  it("asks the latency model once per request, with the request", async () => {
    const seen: string[] = [];
    fake.setLatency((request) => {
      seen.push(request.path);
      return 1;
    });
    await post({ "x-api-key": "k-1", "anthropic-version": "2026-10-21" });
    await post({ "x-api-key": "k-1", "anthropic-version": "2026-10-21" });

    expect(seen).toEqual(["/v1/messages", "/v1/messages"]);
  });
});
