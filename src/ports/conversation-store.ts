import type { Qualification } from "./qualification.ts";

export type BotName = "lead" | "buyer" | "seller";

export interface ConversationMessage {
  role: "lead" | "bot";
  bot: BotName;
  text: string;
  at: number;
  /** For a bot reply served through the cache: its key, so an erasure request can remove it from every tier. */
  cacheKey?: string;
}

export interface HandoffRecord {
  from: BotName;
  to: BotName;
  confidence: number;
  reason: string;
  at: number;
}

export interface ConversationRecord {
  id: string;
  tenant: string;
  contactId?: string;
  /** The lead's IANA time zone (e.g. "America/Denver"), when known: quiet hours are counted in it. */
  timeZone?: string;
  currentBot: BotName;
  /** Bots in the order they held the conversation, starting with "lead". */
  visited: BotName[];
  handoffs: HandoffRecord[];
  messages: ConversationMessage[];
  qualification?: Qualification;
  status: "open" | "closed";
  createdAt: number;
  updatedAt: number;
  /** Optimistic concurrency: bumped by every save. */
  version: number;
}

export class ConversationConflictError extends Error {
  readonly code = "conversation_conflict";
}

export interface ConversationStore {
  create(record: ConversationRecord): Promise<void>;
  get(tenant: string, id: string): Promise<ConversationRecord | undefined>;
  /** Saves `record` if the stored version is `record.version - 1`; else throws ConversationConflictError. */
  save(record: ConversationRecord): Promise<void>;
  /** Every conversation of a contact, oldest first (for export and erasure). */
  listByContact(tenant: string, contactId: string): Promise<ConversationRecord[]>;
  deleteByContact(tenant: string, contactId: string): Promise<number>;
}

export const CONVERSATION_STORE = Symbol.for("eh.ConversationStore");
