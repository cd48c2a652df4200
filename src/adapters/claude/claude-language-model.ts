import Anthropic from "@anthropic-ai/sdk";
import type { LanguageModel, ModelRequest, ModelResponse } from "../../ports/language-model.ts";
import { toModelError } from "./claude-errors.ts";
import { toMessageParams } from "./claude-request.ts";
import { toModelResponse } from "./claude-response.ts";

export interface ClaudeLanguageModelOptions {
  apiKey: string;
  /** Default https://api.anthropic.com; passed explicitly so the SDK never falls back to ANTHROPIC_BASE_URL. */
  baseURL?: string;
  /** Per-request timeout; past it the call fails with code "timeout". */
  timeoutMs: number;
  defaultHeaders?: Record<string, string>;
}

/** Claude through the official SDK: one HTTP request per call, failures as ModelError. */
export class ClaudeLanguageModel implements LanguageModel {
  /** Adapter name, for logs and metrics. */
  readonly name = "claude";
  readonly #client: Anthropic;
  readonly #apiKey: string;

  constructor(options: ClaudeLanguageModelOptions) {
    if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
      throw new TypeError("ClaudeLanguageModel needs a non-empty apiKey");
    }
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
      throw new TypeError(`ClaudeLanguageModel needs a positive timeoutMs, got ${options.timeoutMs}`);
    }
    this.#apiKey = options.apiKey;
    this.#client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? "https://api.anthropic.com",
      timeout: options.timeoutMs,
      // The application owns the one retry layer; SDK retries stacked under it would multiply attempts.
      maxRetries: 0,
      defaultHeaders: options.defaultHeaders,
    });
  }

  /** Sends one Messages API request; throws ModelError on any failure. */
  async complete(request: ModelRequest): Promise<ModelResponse> {
    let message: Anthropic.Message;
    try {
      message = await this.#client.messages.create(toMessageParams(request));
    } catch (error) {
      throw toModelError(error, this.#apiKey);
    }
    return toModelResponse(message, request.outputSchema?.name);
  }
}
