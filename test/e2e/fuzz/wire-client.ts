/**
 * A raw HTTP client for hostile requests: it sends the path and the body bytes exactly as given (a
 * Buffer stays a Buffer, a path is not normalised), against the app listening on a loopback port.
 */
import { Agent, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export interface WireRequest {
  method: string;
  /** Already percent-encoded; sent as is. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length), in two chunks. */
  chunked?: boolean;
}

export interface WireReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** The app on an ephemeral port, and a keep-alive client to it. */
export class WireClient {
  readonly #server: Server;
  readonly #port: number;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 8 });

  private constructor(server: Server) {
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
  }

  /** Starts `app` on 127.0.0.1 with an ephemeral port. */
  static listen(app: Express): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const server = app.listen(0, "127.0.0.1", () => resolve(new WireClient(server)));
      server.once("error", reject);
    });
  }

  /** Sends one request and reads the whole answer. */
  send(r: WireRequest): Promise<WireReply> {
    const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body);
    // Node chunk-encodes only POST by default: the header makes a GET or DELETE body chunked too.
    const framing = body
      ? r.chunked
        ? { "Transfer-Encoding": "chunked" }
        : { "Content-Length": String(body.length) }
      : {};
    const headers = { ...r.headers, ...framing };
    return new Promise((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: this.#port, method: r.method, path: r.path, headers, agent: this.#agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
          });
        },
      );
      req.on("error", reject);
      if (body && r.chunked) {
        req.write(body.subarray(0, body.length >> 1));
        req.end(body.subarray(body.length >> 1));
      } else req.end(body);
    });
  }

  /** Stops the server and drops idle connections. */
  close(): Promise<void> {
    this.#agent.destroy();
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
