/** The service under fuzzing: the e2e harness with a rate limit out of the way, on a real port, with its writes counted. */
import { type Harness, KEYS, type Mode, startHarness } from "../api-harness.ts";
import { countStoreWrites, type WriteCount } from "./store-writes.ts";
import { WireClient, type WireReply } from "./wire-client.ts";

/** The harness's tenants plus `junk`, a tenant that only ever sends requests that must be rejected. */
export const FUZZ_KEYS = { ...KEYS, junk: "junk-key-0123456789abcdef" };
export type Tenant = keyof typeof FUZZ_KEYS;

export interface FuzzService {
  harness: Harness;
  client: WireClient;
  writes: WriteCount;
  /** The Authorization header of `tenant`. */
  auth(tenant: Tenant): Record<string, string>;
  /** A JSON request as `tenant`. */
  call(tenant: Tenant, method: string, path: string, body?: unknown): Promise<WireReply>;
  close(): Promise<void>;
}

/** Starts the service in `mode` (real: its own Redis prefix and PostgreSQL schema) listening on a loopback port. */
export async function startFuzzService(mode: Mode, env: Record<string, string> = {}): Promise<FuzzService> {
  const API_KEYS = Object.entries(FUZZ_KEYS)
    .map(([tenant, key]) => `${tenant}:${key}`)
    .join(",");
  // Thousands of requests a minute from one key: the rate limit is another suite's subject.
  const harness = await startHarness(mode, { API_KEYS, RATE_LIMIT_PER_MINUTE: "100000000", ...env });
  const client = await WireClient.listen(harness.service.app);
  const auth = (tenant: Tenant) => ({ Authorization: `Bearer ${FUZZ_KEYS[tenant]}` });
  return {
    harness,
    client,
    writes: countStoreWrites(harness.service),
    auth,
    call: (tenant, method, path, body) =>
      client.send({
        method,
        path,
        headers: { ...auth(tenant), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async close() {
      await client.close();
      await harness.close();
    },
  };
}
