import type Anthropic from "@anthropic-ai/sdk";
import type { ModelRequest } from "../../ports/language-model.ts";

/**
 * The Messages API body for a port request: the system prompt as one text block marked for prompt
 * caching (the stable prefix of every call), and, when a schema is given, one tool the model is forced to use.
 */
export function toMessageParams(request: ModelRequest): Anthropic.MessageCreateParamsNonStreaming {
  const params: Anthropic.MessageCreateParamsNonStreaming = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  // The API refuses an empty text block, so an empty system prompt is left out rather than sent.
  if (request.system !== "") {
    params.system = [{ type: "text", text: request.system, cache_control: { type: "ephemeral" } }];
  }
  const schema = request.outputSchema;
  if (schema) {
    params.tools = [
      {
        name: schema.name,
        description: schema.description,
        input_schema: { type: "object", ...schema.jsonSchema },
      },
    ];
    params.tool_choice = { type: "tool", name: schema.name };
  }
  return params;
}
