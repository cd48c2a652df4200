import type { Invalidation, InvalidationBus } from "../../ports/invalidation-bus.ts";

/**
 * The invalidation bus inside one process: for tests and the embedded mode. Buses created from one
 * another form a group; a message published on one reaches the subscribers of every other bus in the
 * group (never its own, like instances on Redis), on a later microtask, as a real bus would.
 */
export class MemoryInvalidationBus implements InvalidationBus {
  readonly #group: Set<MemoryInvalidationBus>;
  readonly #handlers = new Set<(invalidation: Invalidation) => void>();
  #handlerFailures = 0;

  /** A bus of its own, or, given `peer`, one more member of `peer`'s group. */
  constructor(peer?: MemoryInvalidationBus) {
    this.#group = peer ? peer.#group : new Set();
    this.#group.add(this);
  }

  /** Handler calls that threw (swallowed: one bad subscriber must not stop the others). */
  get handlerFailures(): number {
    return this.#handlerFailures;
  }

  /** Delivers `keys` to the other buses of the group. */
  async publish(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) this.#broadcast({ kind: "keys", keys: [...keys] });
  }

  /** Delivers a tenant-wide invalidation to the other buses of the group. */
  async publishTenant(tenant: string): Promise<void> {
    this.#broadcast({ kind: "tenant", tenant });
  }

  /** Registers `handler`; returns the function that removes it. */
  subscribe(handler: (invalidation: Invalidation) => void): () => void {
    const own = (invalidation: Invalidation): void => handler(invalidation);
    this.#handlers.add(own);
    return () => this.#handlers.delete(own);
  }

  /** Leaves the group and drops every handler. */
  async close(): Promise<void> {
    this.#group.delete(this);
    this.#handlers.clear();
  }

  #broadcast(invalidation: Invalidation): void {
    for (const bus of this.#group) if (bus !== this) queueMicrotask(() => bus.#deliver(invalidation));
  }

  #deliver(invalidation: Invalidation): void {
    for (const handler of this.#handlers) {
      try {
        handler(invalidation);
      } catch {
        this.#handlerFailures++;
      }
    }
  }
}
