/**
 * The start-up contract every server the harness launches keeps (the peers here, and EnterpriseHub's
 * src/app/main.ts): once it accepts connections it prints ONE line on stdout,
 *
 *     {"event":"listening","url":"http://127.0.0.1:PORT"}
 *
 * where PORT is the one the OS gave it for PORT=0. Any other stdout line (pino logs...) is ignored.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The `event` of the start-up line. */
export const LISTENING_EVENT = "listening";

/** Prints the start-up line for `server`, which must be listening on an IPv4 or IPv6 address. */
export function announceListening(server: Server): void {
  const address = server.address() as AddressInfo | null;
  if (!address || typeof address === "string") throw new Error("announceListening needs a TCP server");
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  process.stdout.write(
    `${JSON.stringify({ event: LISTENING_EVENT, url: `http://${host}:${address.port}` })}\n`,
  );
}

/** The URL of a start-up line, or undefined for any other line. */
export function parseListeningLine(line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { event, url } = parsed as { event?: unknown; url?: unknown };
    return event === LISTENING_EVENT && typeof url === "string" ? url : undefined;
  } catch {
    return undefined;
  }
}
