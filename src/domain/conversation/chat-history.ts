import type { ConversationMessage } from "../../ports/conversation-store.ts";
import type { ChatMessage } from "../../ports/language-model.ts";

/**
 * A conversation as the Messages API wants it: starting with the lead (user), roles alternating
 * (consecutive messages of one side joined), at most the last `limit` turns.
 */
export function toChatHistory(messages: readonly ConversationMessage[], limit = 40): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const m of messages) {
    const role = m.role === "lead" ? "user" : "assistant";
    const last = out[out.length - 1];
    if (!last && role === "assistant") continue;
    if (last && last.role === role) last.content = `${last.content}\n${m.text}`;
    else out.push({ role, content: m.text });
  }
  const tail = out.slice(-limit);
  while (tail[0]?.role === "assistant") tail.shift();
  return tail;
}
