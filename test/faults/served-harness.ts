/**
 * The e2e harness's service listening on a real loopback port, with a client that times every call:
 * fault tests assert on wall time (no request hangs past its timeout), which needs real sockets.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PostgresSqlClient } from "../../src/adapters/postgres/sql-client.ts";
import type { Config } from "../../src/app/config.ts";
import { APP } from "../../src/app/container.ts";
import { bearer, type Harness, type KEYS, startHarness } from "../e2e/api-harness.ts";
import { DATABASE_URL } from "../support/services.ts";

/** One answer, with how long it took from sending to the end of the body. */
export interface TimedResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  /** The parsed JSON body (the caller names the shape it expects). */
  body: T;
  ms: number;
}

/** A real-mode service on 127.0.0.1 and a timing client for it. */
export interface ServedHarness {
  harness: Harness;
  url: string;
  get<T = Record<string, unknown>>(path: string, tenant?: keyof typeof KEYS): Promise<TimedResponse<T>>;
  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    tenant?: keyof typeof KEYS,
  ): Promise<TimedResponse<T>>;
  close(): Promise<void>;
}

/** Starts the real service with `env` overrides (e.g. REDIS_URL through a proxy) on a random port. */
export async function startServedHarness(env: Record<string, string>): Promise<ServedHarness> {
  const harness = await startHarness("real", env);
  const server = createServer(harness.service.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async <T>(path: string, init: RequestInit): Promise<TimedResponse<T>> => {
    const started = performance.now();
    // A generous client-side bound: a request that hangs fails the test instead of the whole run.
    const res = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    const ms = performance.now() - started;
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T, ms };
  };
  return {
    harness,
    url,
    get: <T>(path: string, tenant: keyof typeof KEYS = "acme") =>
      call<T>(path, { headers: { authorization: bearer(tenant) } }),
    post: <T>(path: string, body: unknown, tenant: keyof typeof KEYS = "acme") =>
      call<T>(path, {
        method: "POST",
        headers: { authorization: bearer(tenant), "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await harness.close();
    },
  };
}

/** A qualify request body for one lead's message. */
export function qualifyBody(text: string, lead: Record<string, string> = { name: "Fault Lead" }) {
  return { lead, messages: [{ text }] };
}

/** A client of the service's own PostgreSQL schema, straight to the server (around any proxy): close it. */
export function schemaClient(served: ServedHarness): PostgresSqlClient {
  const config = served.harness.service.composition.container.get<Config>(APP.config);
  return new PostgresSqlClient({ connectionString: DATABASE_URL, schema: config.DATABASE_SCHEMA!, max: 1 });
}
