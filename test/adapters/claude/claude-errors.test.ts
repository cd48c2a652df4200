import { APIConnectionError, APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact, toModelError } from "../../../src/adapters/claude/claude-errors.ts";
import { ModelError } from "../../../src/ports/language-model.ts";

const NOW = Date.UTC(2026, 1, 14, 12, 0, 0);

/** An SDK status error as the client builds it from a response. */
function statusError(status: number, type: string, headers: Record<string, string> = {}): APIError {
  return APIError.generate(
    status,
    { type: "error", error: { type, message: "boom" } },
    undefined,
    new Headers(headers),
  );
}

describe("toModelError", () => {
  it.each([
    [429, "rate_limit_error", "rate_limited"],
    [529, "overloaded_error", "overloaded"],
    [500, "api_error", "server_error"],
    [502, "api_error", "server_error"],
    [503, "api_error", "server_error"],
    [504, "timeout_error", "timeout"],
    [400, "invalid_request_error", "invalid_request"],
    [404, "not_found_error", "invalid_request"],
    [413, "request_too_large", "invalid_request"],
    [401, "authentication_error", "auth"],
    [403, "permission_error", "auth"],
  ])("maps HTTP %i %s to %s", (status, type, code) => {
    const error = toModelError(statusError(status, type), "key", NOW);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it("maps SDK connection errors: timeout, then unavailable", () => {
    expect(toModelError(new APIConnectionTimeoutError(), "key", NOW).code).toBe("timeout");
    expect(toModelError(new APIConnectionError({ message: "ECONNREFUSED" }), "key", NOW).code).toBe(
      "unavailable",
    );
  });

  it("keeps a ModelError as it is", () => {
    const original = new ModelError("overloaded", "already mapped");
    expect(toModelError(original, "key", NOW)).toBe(original);
  });

  it("maps anything else to server_error with its message", () => {
    const error = toModelError(new SyntaxError("Unexpected token < in JSON"), "key", NOW);
    expect(error.code).toBe("server_error");
    expect(error.message).toContain("Unexpected token");
  });

  it("takes the wait from the response headers of any status error", () => {
    const error = toModelError(statusError(529, "overloaded_error", { "retry-after": "2" }), "key", NOW);
    expect(error.retryAfterMs).toBe(2_000);
  });

  it("property: every HTTP error status maps to a code that is retryable exactly for 408, 429 and 5xx", () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        const error = toModelError(statusError(status, "api_error"), "key", NOW);
        expect(error.retryable).toBe(status === 408 || status === 429 || status >= 500);
      }),
      { numRuns: 200 },
    );
  });

  it("property: the API key never appears in the message, wherever the SDK put it", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.string(),
        fc.string(),
        (key, before, after) => {
          const sdkError = new APIConnectionError({ message: `${before}Bearer ${key}${after}` });
          expect(toModelError(sdkError, key, NOW).message).not.toContain(key);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("redact", () => {
  it("replaces every occurrence of the secret and leaves the rest", () => {
    expect(redact("key=abc123 and again abc123.", "abc123")).toBe("key=[redacted] and again [redacted].");
  });

  it("withholds the whole message when the marker would spell the secret again", () => {
    expect(redact("Bearer ted]abab", "ted]ab")).not.toContain("ted]ab");
  });

  it("leaves the message alone when there is no secret", () => {
    expect(redact("nothing to hide", "")).toBe("nothing to hide");
  });
});
