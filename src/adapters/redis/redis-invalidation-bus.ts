import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Invalidation, InvalidationBus } from "../../ports/invalidation-bus.ts";
import { connectRedis } from "./redis-connection.ts";

export interface RedisInvalidationBusOptions {
  /** Namespace of this environment, e.g. "eh:prod:"; the channel is `<prefix>cache:invalidations`. */
  readonly prefix: string;
  /** This instance's id, carried by each message so it can ignore its own; default a random UUID. */
  readonly instanceId?: string;
  /** CLIENT LIST name of the subscriber connection; default "eh-invalidation-bus". */
  readonly connectionName?: string;
  /** Called with each failed publish (which is otherwise only counted); default: ignored. */
  readonly onPublishError?: (error: unknown) => void;
}

/** What the bus has done since it was created. */
export interface InvalidationBusCounters {
  published: number;
  /** Publishes Redis did not take (down, refused, timed out): swallowed, never thrown. */
  publishFailures: number;
  /** Messages from other instances handed to the handlers. */
  received: number;
  /** Messages of this instance, echoed back by Redis and dropped. */
  ownIgnored: number;
  /** Messages on the channel that were not a valid invalidation (dropped). */
  malformed: number;
  /** Handler calls that threw (swallowed: one bad subscriber must not stop the others). */
  handlerFailures: number;
}

// The wire format: keys or a tenant, plus the sender's id; never a value.
type Wire = { v: 1; from: string; keys: readonly string[] } | { v: 1; from: string; tenant: string };

/**
 * The invalidation bus on Redis pub/sub. Publishes go through the caller's regular connection;
 * receiving uses a dedicated subscriber connection the bus duplicates from it (a connection in
 * subscriber mode can run nothing else). Redis being down never reaches the caller: publishes are
 * counted as failures, and the subscriber keeps reconnecting; once it has subscribed, ioredis
 * re-subscribes the channel by itself after each reconnect (autoResubscribe). Messages published
 * while a subscriber is disconnected are lost (pub/sub is at most once).
 */
export class RedisInvalidationBus implements InvalidationBus {
  /** The pub/sub channel, `<prefix>cache:invalidations`. */
  readonly channel: string;
  /** The id this instance stamps on its messages. */
  readonly instanceId: string;
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #onPublishError: (error: unknown) => void;
  readonly #handlers = new Set<(invalidation: Invalidation) => void>();
  readonly #counters: InvalidationBusCounters = {
    published: 0,
    publishFailures: 0,
    received: 0,
    ownIgnored: 0,
    malformed: 0,
    handlerFailures: 0,
  };
  #subscribing: Promise<boolean> | undefined;
  #subscribed = false;

  /** A bus publishing through `publisher` (owned by the caller); call `connect()` to start receiving. */
  constructor(publisher: Redis, options: RedisInvalidationBusOptions) {
    this.channel = `${options.prefix}cache:invalidations`;
    this.instanceId = options.instanceId ?? randomUUID();
    this.#publisher = publisher;
    this.#onPublishError = options.onPublishError ?? (() => {});
    this.#subscriber = publisher.duplicate({
      connectionName: options.connectionName ?? "eh-invalidation-bus",
    });
    // Connection errors are expected during an outage; each reconnect is handled by the listeners below.
    this.#subscriber.on("error", () => {});
    this.#subscriber.on("message", (channel: string, raw: string) => this.#receive(channel, raw));
    // Covers a first subscription that failed because Redis was down when connect() ran.
    this.#subscriber.on("ready", () => void this.#subscribe());
  }

  /**
   * Connects the subscriber and subscribes the channel. Resolves true once subscribed, false if
   * Redis cannot be reached now (the bus then subscribes by itself when Redis comes back). Never rejects.
   */
  async connect(timeoutMs = 2_000): Promise<boolean> {
    if (this.#subscribed) return true;
    try {
      await connectRedis(this.#subscriber, timeoutMs, "invalidation-bus");
    } catch {
      return false;
    }
    return this.#subscribe();
  }

  /** A copy of the counters. */
  counters(): InvalidationBusCounters {
    return { ...this.#counters };
  }

  /** PUBLISHes `keys` to the other instances; failures are counted, never thrown. */
  async publish(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.#send({ v: 1, from: this.instanceId, keys });
  }

  /** PUBLISHes a tenant-wide invalidation; failures are counted, never thrown. */
  async publishTenant(tenant: string): Promise<void> {
    await this.#send({ v: 1, from: this.instanceId, tenant });
  }

  /** Registers `handler` for other instances' messages; returns the function that removes it. */
  subscribe(handler: (invalidation: Invalidation) => void): () => void {
    const own = (invalidation: Invalidation): void => handler(invalidation);
    this.#handlers.add(own);
    return () => this.#handlers.delete(own);
  }

  /** Drops every handler and closes the subscriber connection (the publisher stays the caller's). */
  async close(): Promise<void> {
    this.#handlers.clear();
    this.#subscriber.disconnect();
  }

  async #send(message: Wire): Promise<void> {
    try {
      await this.#publisher.publish(this.channel, JSON.stringify(message));
      this.#counters.published++;
    } catch (error) {
      this.#counters.publishFailures++;
      this.#onPublishError(error);
    }
  }

  #subscribe(): Promise<boolean> {
    if (this.#subscribed) return Promise.resolve(true);
    this.#subscribing ??= this.#subscriber.subscribe(this.channel).then(
      () => {
        this.#subscribed = true;
        this.#subscribing = undefined;
        return true;
      },
      () => {
        this.#subscribing = undefined;
        return false;
      },
    );
    return this.#subscribing;
  }

  #receive(channel: string, raw: string): void {
    if (channel !== this.channel) return;
    const message = parseWire(raw);
    if (!message) {
      this.#counters.malformed++;
      return;
    }
    if (message.from === this.instanceId) {
      this.#counters.ownIgnored++;
      return;
    }
    this.#counters.received++;
    const invalidation: Invalidation =
      "tenant" in message ? { kind: "tenant", tenant: message.tenant } : { kind: "keys", keys: message.keys };
    for (const handler of this.#handlers) {
      try {
        handler(invalidation);
      } catch {
        this.#counters.handlerFailures++;
      }
    }
  }
}

/** `raw` as a message of the wire format, or undefined for anything else. */
function parseWire(raw: string): Wire | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { v, from, keys, tenant } = value as Record<string, unknown>;
  if (v !== 1 || typeof from !== "string") return undefined;
  if (typeof tenant === "string" && keys === undefined) return { v, from, tenant };
  if (Array.isArray(keys) && keys.every((k) => typeof k === "string") && tenant === undefined)
    return { v, from, keys };
  return undefined;
}
