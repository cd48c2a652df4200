/**
 * Reachability of the real Redis and PostgreSQL for the suites that use them.
 * Unreachable → the suite skips with a printed reason, unless REQUIRE_SERVICES=1 (set by .ci/run),
 * in which case the suite fails: CI can never silently skip a real-service test.
 */
import { Socket } from "node:net";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const required = process.env.REQUIRE_SERVICES === "1";

/** True when something accepts a TCP connection at `url`'s host and port within a second. */
export function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1_000, () => done(false));
    s.once("error", () => done(false));
    s.connect(Number(u.port || defaultPort), u.hostname, () => done(true));
  });
}

/** `false` when the service answers; otherwise the reason to skip. Throws when REQUIRE_SERVICES=1. */
export async function skipUnless(service: "redis" | "postgres"): Promise<string | false> {
  const url = service === "redis" ? REDIS_URL : DATABASE_URL;
  const ok = await reachable(url, service === "redis" ? 6379 : 5432);
  if (ok) return false;
  const reason = `${service} is not reachable at ${url}`;
  if (required) throw new Error(`REQUIRE_SERVICES=1 but ${reason}`);
  console.warn(`skipping ${service} suite: ${reason}`);
  return reason;
}

/** A name no other test run shares: for Redis key prefixes and PostgreSQL schemas. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
}
