/** Picks the bot that answers a "reply:<bot>" task and writes its next message. */
import type { ChatMessage } from "../../ports/language-model.ts";
import { writeBuyerReply } from "./buyer-reply.ts";
import { viewConversation } from "./conversation-view.ts";
import type { ReadingOptions } from "./lead-facts.ts";
import { writeLeadReply } from "./lead-reply.ts";
import { writeSellerReply } from "./seller-reply.ts";

/** The bot that speaks. */
export type BotRole = "lead" | "buyer" | "seller";

/** The bot a task names ("reply:buyer" → buyer); any other task is answered by the Lead bot. */
export function roleOfTask(task: string | undefined): BotRole {
  const role = task?.startsWith("reply:") ? task.slice("reply:".length) : undefined;
  return role === "buyer" || role === "seller" ? role : "lead";
}

/** The next message of `role` in this conversation (lead = "user", bots = "assistant"). */
export function writeReply(
  role: BotRole,
  messages: readonly ChatMessage[],
  options: ReadingOptions = {},
): string {
  const view = viewConversation(messages, options);
  if (role === "buyer") return writeBuyerReply(view);
  if (role === "seller") return writeSellerReply(view);
  return writeLeadReply(view);
}
