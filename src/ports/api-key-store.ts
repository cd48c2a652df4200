/**
 * API keys issued at run time, shared by every instance (Redis in production). Only SHA-256 hashes
 * (hex) are stored, never the keys themselves.
 */
export interface ApiKeyStore {
  /** The tenant of the key whose hash is `keyHash`, or undefined. */
  tenantOf(keyHash: string): Promise<string | undefined>;
  add(keyHash: string, tenant: string): Promise<void>;
  /** True when the key existed. */
  revoke(keyHash: string): Promise<boolean>;
}

export const API_KEY_STORE = Symbol.for("eh.ApiKeyStore");
