import type Anthropic from "@anthropic-ai/sdk";
import type { ModelResponse } from "../../ports/language-model.ts";

/**
 * The port's response for an API Message: text blocks concatenated, the forced tool's input as
 * `structured`, and usage with prompt-cache writes and reads kept apart (they are priced differently).
 */
export function toModelResponse(message: Anthropic.Message, toolName?: string): ModelResponse {
  let text = "";
  let structured: unknown;
  let found = false;
  for (const block of message.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_use" && !found && (toolName === undefined || block.name === toolName)) {
      structured = block.input;
      found = true;
    }
  }
  const u = message.usage;
  const response: ModelResponse = {
    text,
    usage: {
      inputTokens: u.input_tokens,
      outputTokens: u.output_tokens,
      cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
      cacheReadTokens: u.cache_read_input_tokens ?? 0,
    },
    model: message.model,
    stopReason: message.stop_reason ?? "unknown",
  };
  if (found) response.structured = structured;
  return response;
}
