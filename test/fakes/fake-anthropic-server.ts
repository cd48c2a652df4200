/**
 * A local stand-in for the Anthropic Messages API (POST /v1/messages), faithful where clients can tell:
 * auth (x-api-key, or Authorization: Bearer as SDK 1.x sends it), the anthropic-version header, body
 * validation, the Message shape, usage with prompt-cache writes then reads, and errors in the API's JSON
 * shape with a request-id header. Scriptable (errors, delays, drops) for fault and load tests.
 */
import { createHash, randomBytes } from "node:crypto";
import type Anthropic from "@anthropic-ai/sdk";
import {
  type FakeReply,
  mergeHeaders,
  type RecordedRequest,
  ScriptedHttpServer,
  type ScriptedHttpServerOptions,
  type ScriptedReply,
} from "./scripted-http-server.ts";

type TextParam = { type: "text"; text: string; cache_control?: { type: "ephemeral"; ttl?: "5m" | "1h" } };
type ToolParam = {
  name: string;
  description?: string;
  input_schema: { type: string };
  cache_control?: unknown;
};

/** The parts of a Messages API request the fake reads (already validated). */
export interface MessagesRequest {
  model: string;
  max_tokens: number;
  system?: string | TextParam[];
  messages: Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
  tools?: ToolParam[];
  tool_choice?: { type: string; name?: string };
}

/** Produces the `input` of the forced tool's tool_use block. */
export type ToolInputResponder = (request: MessagesRequest) => unknown;
/** Produces the text of a plain text answer. */
export type TextResponder = (request: MessagesRequest) => string;

/** Aliases and the dated model ids the Messages API reports for them. */
export const DATED_SNAPSHOTS: Readonly<Record<string, string>> = {
  "claude-haiku-4-5": "claude-haiku-4-5-20251001",
  "claude-sonnet-4-5": "claude-sonnet-4-5-20250929",
  "claude-opus-4-5": "claude-opus-4-5-20251101",
};

export interface FakeAnthropicOptions extends ScriptedHttpServerOptions {
  /** The one key the fake accepts. Default "test-key". */
  apiKey?: string;
  toolInput?: ToolInputResponder;
  text?: TextResponder;
  /** Shortest prefix the API will cache (Sonnet 4.5: 1024 tokens). */
  minCacheableTokens?: number;
  /** Clock for prompt-cache expiry. */
  now?: () => number;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  504: "timeout_error",
  529: "overloaded_error",
};
const ERROR_MESSAGES: Record<string, string> = {
  rate_limit_error: "Number of request tokens has exceeded your per-minute rate limit",
  overloaded_error: "Overloaded",
  api_error: "Internal server error",
};
const SAMPLING_PARAMS = ["temperature", "top_p", "top_k"];

/** A fake Anthropic Messages API on 127.0.0.1. */
export class FakeAnthropicServer extends ScriptedHttpServer {
  /** The key the fake accepts. */
  readonly apiKey: string;
  /** Pluggable: the forced tool's input (default: a plausible lead qualification). */
  toolInput: ToolInputResponder;
  /** Pluggable: the text answer (default: fenced JSON when the system prompt asks for JSON, else a reply). */
  text: TextResponder;
  readonly #minCacheable: number;
  readonly #now: () => number;
  readonly #promptCache = new Map<string, number>();

  private constructor(options: FakeAnthropicOptions) {
    super(options);
    this.apiKey = options.apiKey ?? "test-key";
    this.toolInput = options.toolInput ?? plausibleQualification;
    this.text = options.text ?? plausibleText;
    this.#minCacheable = options.minCacheableTokens ?? 1024;
    this.#now = options.now ?? Date.now;
  }

  /** Starts a fake on a random port. */
  static async start(options: FakeAnthropicOptions = {}): Promise<FakeAnthropicServer> {
    const fake = new FakeAnthropicServer(options);
    await fake.listen();
    return fake;
  }

  protected answer(request: RecordedRequest): FakeReply {
    if (request.method !== "POST" || request.path !== "/v1/messages") return apiError(404, "Not found");
    const h = request.headers;
    const key = h["x-api-key"] ?? h.authorization?.replace(/^Bearer /, "");
    if (!key) return apiError(401, "x-api-key header is required");
    if (key !== this.apiKey) return apiError(401, "invalid x-api-key");
    const version = h["anthropic-version"];
    if (typeof version !== "string" || version === "")
      return apiError(400, "anthropic-version: header is required");
    if (request.malformedJson) return apiError(400, "There was an issue with the JSON body of your request");
    const problem = invalidBody(request.body, version);
    if (problem) return apiError(400, problem);
    const body = request.body as MessagesRequest;
    if (!body.model.startsWith("claude-")) return apiError(404, `model: ${body.model}`);
    return { status: 200, headers: { "request-id": requestId() }, body: this.#message(body) };
  }

  protected shapeScripted(_request: RecordedRequest, scripted: ScriptedReply): FakeReply {
    if (scripted.status < 400) {
      return {
        status: scripted.status,
        headers: mergeHeaders({ "request-id": requestId() }, scripted.headers),
        body: scripted.body,
      };
    }
    const shaped = apiError(scripted.status);
    const defaults = scripted.status === 429 ? { ...shaped.headers, "retry-after": "1" } : shaped.headers;
    return {
      status: scripted.status,
      headers: mergeHeaders(defaults, scripted.headers),
      body: scripted.body ?? shaped.body,
    };
  }

  #message(body: MessagesRequest): Anthropic.Message {
    const forced = body.tool_choice?.type === "tool" ? body.tool_choice.name : undefined;
    let content: Anthropic.ContentBlock[];
    let out: string;
    let truncated = false;
    if (forced !== undefined) {
      const input = this.toolInput(body);
      out = JSON.stringify(input);
      content = [
        { type: "tool_use", id: `toolu_${hex(12)}`, name: forced, input, caller: { type: "direct" } },
      ];
    } else {
      const full = this.text(body);
      truncated = full.length > body.max_tokens * 4;
      out = full.slice(0, body.max_tokens * 4);
      content = [{ type: "text", text: out, citations: null }];
    }
    const outputTokens = Math.max(1, tokens(out.length));
    return {
      id: `msg_${hex(12)}`,
      type: "message",
      role: "assistant",
      // Like the real API, an alias is answered with the dated snapshot it points to.
      model: DATED_SNAPSHOTS[body.model] ?? body.model,
      content,
      container: null,
      diagnostics: null,
      stop_details: null,
      stop_reason: truncated ? "max_tokens" : forced !== undefined ? "tool_use" : "end_turn",
      stop_sequence: null,
      usage: this.#usage(body, outputTokens),
    };
  }

  /** Input tokens estimated from the request size (~4 characters a token); a cached prefix is written once, then read. */
  #usage(body: MessagesRequest, outputTokens: number): Anthropic.Usage {
    const system =
      typeof body.system === "string" ? [{ type: "text" as const, text: body.system }] : (body.system ?? []);
    const toolsTokens = tokens(JSON.stringify(body.tools ?? []).length);
    const total =
      toolsTokens + tokens(system.map((b) => b.text).join("").length) + tokens(messagesText(body).length);
    const marker = system.findLastIndex((b) => "cache_control" in b && b.cache_control);
    const prefix = system.slice(0, marker + 1);
    const prefixTokens = marker < 0 ? 0 : toolsTokens + tokens(prefix.map((b) => b.text).join("").length);
    const oneHour = (prefix[marker] as TextParam | undefined)?.cache_control?.ttl === "1h";
    let write = 0;
    let read = 0;
    if (prefixTokens > 0 && prefixTokens >= this.#minCacheable) {
      const key = createHash("sha256")
        .update(JSON.stringify([body.model, body.tools ?? [], prefix.map((b) => b.text)]))
        .digest("hex");
      const now = this.#now();
      if ((this.#promptCache.get(key) ?? 0) > now) read = prefixTokens;
      else write = prefixTokens;
      // A cache hit refreshes the entry's lifetime, as the API does.
      this.#promptCache.set(key, now + (oneHour ? 3_600_000 : 300_000));
    }
    return {
      input_tokens: total - write - read,
      output_tokens: outputTokens,
      cache_creation_input_tokens: write,
      cache_read_input_tokens: read,
      cache_creation: {
        ephemeral_5m_input_tokens: oneHour ? 0 : write,
        ephemeral_1h_input_tokens: oneHour ? write : 0,
      },
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: "standard",
      speed: null,
    };
  }
}

/** An error in the API's JSON shape, with the request-id header the SDK reads. */
function apiError(status: number, message?: string): FakeReply {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
  const id = requestId();
  return {
    status,
    headers: { "request-id": id },
    body: {
      type: "error",
      error: { type, message: message ?? ERROR_MESSAGES[type] ?? type },
      request_id: id,
    },
  };
}

/** Why the API would refuse this body with a 400, or undefined when it would accept it. */
function invalidBody(body: unknown, version: string): string | undefined {
  if (!isRecord(body)) return "request body must be a JSON object";
  if (typeof body.model !== "string" || body.model === "") return "model: Field required";
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 0)
    return "max_tokens: Field required";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages: Field required";
  const roles = version >= "2026-10-21" ? ["user", "assistant", "system"] : ["user", "assistant"];
  for (const [i, m] of body.messages.entries()) {
    if (!isRecord(m) || !roles.includes(m.role as string))
      return `messages.${i}.role: Input should be ${roles.join(" or ")}`;
    if (!nonEmptyContent(m.content)) return `messages.${i}.content: text content blocks must be non-empty`;
  }
  if (body.system !== undefined && !nonEmptyContent(body.system))
    return "system: text content blocks must be non-empty";
  const tools = body.tools;
  if (tools !== undefined && (!Array.isArray(tools) || !tools.every(validTool)))
    return "tools: each tool needs a name and an object input_schema";
  const choice = body.tool_choice;
  if (isRecord(choice) && choice.type === "tool") {
    const names = Array.isArray(tools) ? tools.map((t: ToolParam) => t.name) : [];
    if (!names.includes(choice.name as string))
      return `tool_choice.name: Tool '${String(choice.name)}' not found in tools`;
  }
  // API version 2026-10-21 removed the sampling parameters.
  const removed = version >= "2026-10-21" ? SAMPLING_PARAMS.find((p) => p in body) : undefined;
  return removed ? `${removed}: Extra inputs are not permitted` : undefined;
}

function validTool(t: unknown): boolean {
  return (
    isRecord(t) && typeof t.name === "string" && isRecord(t.input_schema) && t.input_schema.type === "object"
  );
}

function nonEmptyContent(content: unknown): boolean {
  if (typeof content === "string") return content.length > 0;
  return (
    Array.isArray(content) &&
    content.length > 0 &&
    content.every((b) => isRecord(b) && (b.type !== "text" || (typeof b.text === "string" && b.text !== "")))
  );
}

function messagesText(body: MessagesRequest): string {
  return body.messages
    .map((m) => (typeof m.content === "string" ? m.content : m.content.map((b) => b.text ?? "").join("")))
    .join("\n");
}

function lastUserText(body: MessagesRequest): string {
  const last = body.messages.findLast((m) => m.role === "user");
  if (!last) return "";
  return typeof last.content === "string" ? last.content : last.content.map((b) => b.text ?? "").join("");
}

/** A buyer's or a seller's qualification, going by what the lead said last. */
export function plausibleQualification(request: MessagesRequest): Record<string, unknown> {
  if (/\bsell/i.test(lastUserText(request))) {
    return {
      intent: "sell",
      intentConfidence: 0.82,
      timeline: "3-6m",
      financing: "unknown",
      priceExpectation: 550_000,
      sellerReason: "relocating for work",
      propertyCondition: "good",
      summary: "Homeowner relocating for work, wants to sell within six months.",
    };
  }
  return {
    intent: "buy",
    intentConfidence: 0.86,
    timeline: "0-3m",
    financing: "pre_approved",
    budgetMin: 400_000,
    budgetMax: 500_000,
    location: "Austin, TX",
    propertyType: "single_family",
    bedrooms: 3,
    hasAgent: false,
    summary: "Pre-approved buyer looking for a 3-bedroom home in Austin within three months.",
  };
}

function plausibleText(request: MessagesRequest): string {
  const system =
    typeof request.system === "string" ? request.system : (request.system ?? []).map((b) => b.text).join("");
  if (/json/i.test(system))
    return `\`\`\`json\n${JSON.stringify(plausibleQualification(request), null, 2)}\n\`\`\``;
  return "Thanks for reaching out! What price range and move-in timeline do you have in mind?";
}

function tokens(chars: number): number {
  return Math.ceil(chars / 4);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

function requestId(): string {
  return `req_${hex(12)}`;
}
