/** Conversations in process memory: for tests and for running with no database. */
import {
  ConversationConflictError,
  type ConversationRecord,
  type ConversationStore,
} from "../../ports/conversation-store.ts";

/** ConversationStore over a Map, with the same version check as the SQL store. */
export class MemoryConversationStore implements ConversationStore {
  readonly #conversations = new Map<string, ConversationRecord>();

  /** Stores a new conversation; an id already taken in the tenant is a ConversationConflictError. */
  async create(record: ConversationRecord): Promise<void> {
    const key = `${record.tenant}\u0000${record.id}`;
    if (this.#conversations.has(key))
      throw new ConversationConflictError(`conversation ${record.id} already exists`);
    this.#conversations.set(key, structuredClone(record));
  }

  /** A copy of the conversation, or undefined when it does not exist in this tenant. */
  async get(tenant: string, id: string): Promise<ConversationRecord | undefined> {
    const stored = this.#conversations.get(`${tenant}\u0000${id}`);
    return stored && structuredClone(stored);
  }

  /** Saves `record` if the stored version is `record.version - 1`; else throws ConversationConflictError. */
  async save(record: ConversationRecord): Promise<void> {
    const key = `${record.tenant}\u0000${record.id}`;
    const stored = this.#conversations.get(key);
    if (stored?.version !== record.version - 1) {
      throw new ConversationConflictError(
        `conversation ${record.id} is not at version ${record.version - 1} (changed or missing)`,
      );
    }
    this.#conversations.set(key, structuredClone(record));
  }

  /** Erases every conversation of a contact; returns how many. */
  /** Every conversation of a contact, oldest first. */
  async listByContact(tenant: string, contactId: string): Promise<ConversationRecord[]> {
    return [...this.#conversations.values()]
      .filter((c) => c.tenant === tenant && c.contactId === contactId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((c) => structuredClone(c));
  }

  async deleteByContact(tenant: string, contactId: string): Promise<number> {
    let removed = 0;
    for (const [key, conversation] of this.#conversations) {
      if (conversation.tenant === tenant && conversation.contactId === contactId) {
        this.#conversations.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
