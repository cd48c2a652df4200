import type { Redis } from "ioredis";
import type { ApiKeyStore } from "../../ports/api-key-store.ts";

/** API key hashes in one Redis hash (hash → tenant), so a key issued once works on every instance. */
export class RedisApiKeyStore implements ApiKeyStore {
  readonly #redis: Redis;
  readonly #key: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#key = `${prefix}api-keys`;
  }

  /** The tenant of a key hash, or undefined. */
  async tenantOf(keyHash: string): Promise<string | undefined> {
    return (await this.#redis.hget(this.#key, keyHash)) ?? undefined;
  }

  /** Issues a key hash to `tenant`. */
  async add(keyHash: string, tenant: string): Promise<void> {
    await this.#redis.hset(this.#key, keyHash, tenant);
  }

  /** Revokes a key hash; true when it existed. */
  async revoke(keyHash: string): Promise<boolean> {
    return (await this.#redis.hdel(this.#key, keyHash)) > 0;
  }
}
