/** Builds conversations for the reply tests: the lead speaks as "user", the bots as "assistant". */
import type { ChatMessage } from "../../../src/ports/language-model.ts";

/** Alternating turns, starting with the lead: lead, bot, lead, bot... */
export function conversation(...turns: string[]): ChatMessage[] {
  return turns.map((content, i) => ({ role: i % 2 === 0 ? "user" : "assistant", content }));
}

/** Sentences in a reply (a period inside "$1.2M" is not an end). */
export function sentenceCount(reply: string): number {
  return reply.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== "").length;
}
