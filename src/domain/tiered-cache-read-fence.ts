/**
 * Keeps a read from writing back a value that was invalidated while it ran. A read opens a ticket
 * for its key; a set, a delete or an invalidation from another instance marks the open tickets of
 * the keys it touches stale, and a stale read still serves its value but no longer stores it.
 * Tickets are per key, so invalidating one key never stops the backfills of others (with many
 * instances, invalidations arrive often; a global epoch would drop most slow origin writes).
 */

/** One read in progress: `stale` once its key was invalidated after the read began. */
export interface ReadTicket {
  readonly key: string;
  readonly stale: boolean;
}

interface OpenTicket {
  readonly key: string;
  stale: boolean;
}

/** The open reads, by key. Memory is bounded by the reads in flight. */
export class ReadFence {
  readonly #open = new Map<string, Set<OpenTicket>>();

  /** Starts a read of `key`; close its ticket when the read is over. */
  open(key: string): ReadTicket {
    const ticket: OpenTicket = { key, stale: false };
    const tickets = this.#open.get(key);
    if (tickets) tickets.add(ticket);
    else this.#open.set(key, new Set([ticket]));
    return ticket;
  }

  /** Ends a read. */
  close(ticket: ReadTicket): void {
    const tickets = this.#open.get(ticket.key);
    if (!tickets) return;
    tickets.delete(ticket as OpenTicket);
    if (tickets.size === 0) this.#open.delete(ticket.key);
  }

  /** Marks stale every open read whose key matches. */
  invalidate(matches: (key: string) => boolean): void {
    for (const [key, tickets] of this.#open) {
      if (matches(key)) for (const ticket of tickets) ticket.stale = true;
    }
  }

  /** How many reads are open. */
  get size(): number {
    let n = 0;
    for (const tickets of this.#open.values()) n += tickets.size;
    return n;
  }
}
