/**
 * Token counts for a model that has no tokenizer: one token per four characters (rounded up), the
 * common rule of thumb for English with Claude and GPT tokenizers. Characters are Unicode code points,
 * so an emoji counts once, not as two UTF-16 halves.
 */
import type { ModelRequest } from "../../ports/language-model.ts";

/** Estimated tokens in `text`: ceil(code points / 4). */
export function estimateTokens(text: string): number {
  return Math.ceil([...text].length / 4);
}

/** Estimated input tokens of a request: its system prompt plus every message's content. */
export function estimateInputTokens(request: Pick<ModelRequest, "system" | "messages">): number {
  return (
    estimateTokens(request.system) + request.messages.reduce((sum, m) => sum + estimateTokens(m.content), 0)
  );
}
