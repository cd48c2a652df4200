/** The Claude model families EnterpriseHub routes between, cheapest first. */
export type ModelTier = "haiku" | "sonnet" | "opus";

/** Model ids as the Anthropic Messages API names them. */
export const MODEL_IDS: Readonly<Record<ModelTier, string>> = {
  haiku: "claude-haiku-4-5",
  sonnet: "claude-sonnet-4-5",
  opus: "claude-opus-4-5",
};

/** The id of the rules-based model that runs with no network; it costs no LLM dollars. */
export const OFFLINE_MODEL_ID = "offline-rules-v1";

/** The tier of a model id, or undefined for one EnterpriseHub does not know. */
export function tierOf(modelId: string): ModelTier | undefined {
  return (Object.keys(MODEL_IDS) as ModelTier[]).find((t) => MODEL_IDS[t] === modelId);
}
