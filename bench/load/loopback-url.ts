/**
 * The harness only ever fires at this machine: a load test aimed at a shared or production host by a
 * typo would be an attack, so every URL is checked before a single request goes out.
 */

/** Thrown for a target outside the loopback interface; `code` is stable. */
export class NonLoopbackTargetError extends Error {
  readonly code = "non_loopback_target";
  constructor(url: string) {
    super(`refusing to load-test ${url}: only 127.0.0.1, localhost and [::1] are allowed`);
    this.name = "NonLoopbackTargetError";
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The parsed URL when it is http(s) on a loopback host; throws NonLoopbackTargetError otherwise. */
export function assertLoopbackUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NonLoopbackTargetError(url);
  }
  const httpLike = parsed.protocol === "http:" || parsed.protocol === "https:";
  // URL.hostname keeps IPv6 brackets ("[::1]") and lower-cases names, so a set lookup is exact.
  if (!httpLike || !LOOPBACK_HOSTS.has(parsed.hostname)) throw new NonLoopbackTargetError(url);
  return parsed;
}
