import { Redis } from "ioredis";
import { CacheTierError } from "./cache-tier-error.ts";

export interface RedisConnectionOptions {
  /** Give up on one TCP connection attempt after this long; default 1,000 ms. */
  readonly connectTimeoutMs?: number;
  /** Reject any command not answered within this long; default 250 ms. */
  readonly commandTimeoutMs?: number;
  /** Longest wait between reconnection attempts; default 2,000 ms. */
  readonly maxReconnectDelayMs?: number;
  /** Shown by CLIENT LIST, to tell this service's connections apart. */
  readonly connectionName?: string;
  /** Connection errors (each command also rejects on its own); default: ignored. */
  readonly onError?: (error: Error) => void;
}

/**
 * Milliseconds to wait before reconnection attempt `attempt` (1-based): exponential from 50 ms, capped
 * at `maxMs`, with "equal jitter" (a uniform `u` spreads the delay over [half, full]) so that many
 * instances losing Redis together do not reconnect in lockstep.
 */
export function reconnectDelay(attempt: number, maxMs: number, u: number): number {
  const base = Math.min(maxMs, 50 * 2 ** Math.min(attempt - 1, 30));
  return Math.round(base / 2 + (base / 2) * u);
}

/**
 * A Redis client configured to fail fast: a cache that hangs is worse than no cache.
 * - No offline queue: while disconnected a command rejects at once instead of waiting for a reconnect.
 * - `maxRetriesPerRequest: 0` and no resend: commands in flight when the connection drops are rejected,
 *   not replayed later (a replayed SET could overwrite a newer value).
 * - `commandTimeout` bounds every command, so a server that stops answering costs at most that long.
 * - Reconnection never gives up (capped backoff), so the tier comes back on its own after an outage.
 * - Auto-pipelining batches the commands issued in one tick into one write.
 * The client is lazy: nothing connects until {@link connectRedis} (or the first command). `quit()` it to stop.
 */
export function createRedis(url: string, options: RedisConnectionOptions = {}): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 2_000;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 1_000,
    commandTimeout: options.commandTimeoutMs ?? 250,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => reconnectDelay(attempt, maxDelay, Math.random()),
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
  });
  // Without a listener ioredis prints every connection error; the owner decides what to log.
  const onError = options.onError ?? (() => {});
  redis.on("error", onError);
  return redis;
}

/**
 * Connects `redis` (if it is not connected or connecting already) and resolves once it is ready.
 * Rejects with CacheTierError "unavailable" on the first failed attempt, or "timeout" after
 * `timeoutMs`; either way the client keeps reconnecting in the background until `quit()`.
 */
export async function connectRedis(redis: Redis, timeoutMs = 2_000, name = "redis"): Promise<void> {
  if (redis.status === "ready") return;
  const ready = new Promise<void>((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onFailure);
      if (error) reject(error);
      else resolve();
    };
    const onReady = (): void => finish();
    const onFailure = (cause: Error): void =>
      finish(new CacheTierError("unavailable", name, `cannot connect: ${cause.message}`, { cause }));
    const timer = setTimeout(
      () => finish(new CacheTierError("timeout", name, `not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
    redis.once("ready", onReady);
    redis.on("error", onFailure);
  });
  // The outcome is observed through the events above; connect()'s own rejection says the same thing.
  if (redis.status === "wait" || redis.status === "end") redis.connect().catch(() => {});
  await ready;
}
