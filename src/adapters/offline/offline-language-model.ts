/**
 * A language model made of rules: it reads the lead's words itself (budget, timeline, financing, intent,
 * place, home, motivation...) and writes the bots' replies. No network, no clock, no randomness: the same
 * request always gets the same answer. It serves when no Anthropic key is set and when Claude is down.
 *
 * - Qualification (an outputSchema, or task "qualify"): `structured` is a Qualification from every
 *   user message, `text` its one-line summary, stop reason "tool_use".
 * - Replies (task "reply:lead" | "reply:buyer" | "reply:seller"; any other task gets the Lead bot):
 *   1-3 sentences in `text`, stop reason "end_turn", cut at maxTokens (stop reason "max_tokens").
 * - Usage: estimated with token-estimate.ts; no prompt cache, so cache tokens are 0.
 * - Dates: "by June" needs today's month; it is read from a YYYY-MM-DD date in the system prompt, if any.
 * Any outputSchema is answered with a Qualification: qualifying is the only structured task it knows.
 */
import {
  type LanguageModel,
  ModelError,
  type ModelRequest,
  type ModelResponse,
} from "../../ports/language-model.ts";
import { extractLeadFacts } from "./lead-facts.ts";
import { OFFLINE_RULES_MODEL_ID } from "./offline-model-id.ts";
import { referenceMonthOf } from "./reference-date.ts";
import { roleOfTask, writeReply } from "./reply-writer.ts";
import { estimateInputTokens, estimateTokens } from "./token-estimate.ts";

/** The rules-based LanguageModel: the default with no API key and the fallback when Claude is down. */
export class OfflineLanguageModel implements LanguageModel {
  /** The adapter's name in logs and metrics. */
  readonly name = "offline";

  /** Answers one request; rejects only a request no model could serve (maxTokens < 1). */
  async complete(request: ModelRequest): Promise<ModelResponse> {
    if (!Number.isInteger(request.maxTokens) || request.maxTokens < 1) {
      throw new ModelError(
        "invalid_request",
        `maxTokens must be a positive integer, got ${request.maxTokens}`,
      );
    }
    const options = { referenceMonth: referenceMonthOf(request.system) };
    const inputTokens = estimateInputTokens(request);
    if (request.outputSchema !== undefined || request.task === "qualify") {
      const leadSaid = request.messages.filter((m) => m.role === "user").map((m) => m.content);
      const qualification = extractLeadFacts(leadSaid, options);
      return this.#respond(
        qualification.summary ?? "",
        inputTokens,
        estimateTokens(JSON.stringify(qualification)),
        "tool_use",
        qualification,
      );
    }
    const reply = writeReply(roleOfTask(request.task), request.messages, options);
    const outputTokens = estimateTokens(reply);
    if (outputTokens <= request.maxTokens) return this.#respond(reply, inputTokens, outputTokens, "end_turn");
    const cut = [...reply].slice(0, request.maxTokens * 4).join("");
    return this.#respond(cut, inputTokens, estimateTokens(cut), "max_tokens");
  }

  #respond(
    text: string,
    inputTokens: number,
    outputTokens: number,
    stopReason: string,
    structured?: unknown,
  ): ModelResponse {
    return {
      text,
      ...(structured !== undefined && { structured }),
      usage: { inputTokens, outputTokens, cacheWriteTokens: 0, cacheReadTokens: 0 },
      model: OFFLINE_RULES_MODEL_ID,
      stopReason,
    };
  }
}
