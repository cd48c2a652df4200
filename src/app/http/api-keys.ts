import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiKeyStore } from "../../ports/api-key-store.ts";

interface StoredKey {
  tenant: string;
  hash: Buffer;
}

const sha256 = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/**
 * API keys mapping to tenants: the configured ones (API_KEYS) and, when a shared store is given, keys
 * issued at run time (`npm run api-key`). Only SHA-256 hashes are kept. A presented key is compared with
 * every configured hash in constant time; the store is asked by hash, so its lookup time says nothing
 * about how close a guess was.
 */
export class ApiKeyRegistry {
  readonly #keys: StoredKey[];
  readonly #store: ApiKeyStore | undefined;

  constructor(pairs: ReadonlyArray<{ tenant: string; key: string }>, store?: ApiKeyStore) {
    this.#keys = pairs.map((p) => ({ tenant: p.tenant, hash: sha256(p.key) }));
    this.#store = store;
  }

  /** The tenant owning `presented`, or undefined (also when the shared store cannot be reached). */
  async tenantOf(presented: string): Promise<string | undefined> {
    const h = sha256(presented);
    let found: string | undefined;
    for (const k of this.#keys) {
      // Every stored key is compared, whatever matched before: the time taken doesn't depend on which.
      if (timingSafeEqual(k.hash, h) && found === undefined) found = k.tenant;
    }
    if (found !== undefined || !this.#store) return found;
    return this.#store.tenantOf(h.toString("hex")).catch(() => undefined);
  }

  /** The hash under which a key is stored (hex). */
  static hash(key: string): string {
    return sha256(key).toString("hex");
  }

  /** A short, non-secret id of a key for rate-limit buckets and logs. */
  static fingerprint(presented: string): string {
    return sha256(presented).toString("hex").slice(0, 16);
  }
}
