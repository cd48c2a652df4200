import { createHash, timingSafeEqual } from "node:crypto";

interface StoredKey {
  tenant: string;
  hash: Buffer;
}

const sha256 = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/**
 * API keys mapping to tenants. Only SHA-256 hashes are kept; a presented key is compared with every
 * stored hash in constant time, so neither a wrong key nor a near miss answers faster.
 */
export class ApiKeyRegistry {
  readonly #keys: StoredKey[];

  constructor(pairs: ReadonlyArray<{ tenant: string; key: string }>) {
    this.#keys = pairs.map((p) => ({ tenant: p.tenant, hash: sha256(p.key) }));
  }

  /** The tenant owning `presented`, or undefined. */
  tenantOf(presented: string): string | undefined {
    const h = sha256(presented);
    let found: string | undefined;
    for (const k of this.#keys) {
      // Every stored key is compared, whatever matched before: the time taken doesn't depend on which.
      if (timingSafeEqual(k.hash, h) && found === undefined) found = k.tenant;
    }
    return found;
  }

  /** A short, non-secret id of a key for rate-limit buckets and logs. */
  static fingerprint(presented: string): string {
    return sha256(presented).toString("hex").slice(0, 16);
  }
}
