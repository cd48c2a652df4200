/**
 * What one instance of the service tells the others to drop from their local (in-process, L1) cache
 * tiers after it changed or erased a shared entry. Keys only, never values: a message cannot leak
 * or plant data, and a receiver simply re-reads the shared tiers on its next request.
 */
export type Invalidation =
  | { readonly kind: "keys"; readonly keys: readonly string[] }
  /** Every key of the tenant (`<tenant>:` prefix): a CCPA erasure or a tenant purge. */
  | { readonly kind: "tenant"; readonly tenant: string };

/**
 * A best-effort broadcast between instances (Redis pub/sub in production). Delivery is at most once:
 * a message published while the bus is down is lost, so a stale local copy then lives at most its
 * local TTL. An instance never receives its own messages.
 */
export interface InvalidationBus {
  /** Tells the other instances to drop `keys`. Never rejects: a failure is counted, not thrown. */
  publish(keys: readonly string[]): Promise<void>;
  /** Tells the other instances to drop every key of `tenant`. Never rejects, like `publish`. */
  publishTenant(tenant: string): Promise<void>;
  /** Calls `handler` for each message from another instance; returns the function that stops it. */
  subscribe(handler: (invalidation: Invalidation) => void): () => void;
  /** Stops receiving and releases what the bus holds (its subscriber connection). */
  close(): Promise<void>;
}

export const INVALIDATION_BUS = Symbol.for("eh.InvalidationBus");
