/**
 * A TCP proxy for fault tests, between an adapter and the real server (Redis, PostgreSQL), in the spirit
 * of BentoCache's ChaosCache: the shared services are never stopped, only the path to them is broken.
 *
 * - `cut()`: every open connection is destroyed and new ones are refused (nothing listens on the port),
 *   as when the server's host goes away.
 * - `stall()`: connections are accepted but nothing is forwarded either way, as in a network partition.
 *   Bytes are held, not dropped, so a connection that lives through the stall resumes intact: TCP never
 *   loses bytes in the middle of a stream, and a proxy that did would desynchronise request and reply.
 * - `slow(ms)`: every chunk is delivered `ms` later, in order.
 * - `restore()`: back to forwarding on the same port (held bytes flow again).
 */
import { type AddressInfo, createServer, type Server, type Socket, connect as tcpConnect } from "node:net";

/** What the proxy does with traffic now. */
export type ProxyMode = "pass" | "cut" | "stall" | "slow";

/** One direction of a proxied connection: chunks from `source` to `target`, delayed or held as the mode says. */
class Pipe {
  #deliverAt = 0;
  #pending = 0;

  constructor(
    readonly source: Socket,
    readonly target: Socket,
    readonly delayMs: () => number,
  ) {
    source.on("data", (chunk: Buffer) => this.#forward(chunk));
  }

  #forward(chunk: Buffer): void {
    const delay = this.delayMs();
    if (delay <= 0 && this.#pending === 0) {
      this.target.write(chunk);
      return;
    }
    // In order: a chunk never overtakes one that arrived before it.
    this.#deliverAt = Math.max(this.#deliverAt, Date.now() + delay);
    this.#pending++;
    setTimeout(() => {
      this.#pending--;
      if (!this.target.destroyed) this.target.write(chunk);
    }, this.#deliverAt - Date.now());
  }
}

/** A fault-injecting TCP proxy on 127.0.0.1 (a random port, kept across cut / restore). */
export class TcpProxy {
  readonly #targetHost: string;
  readonly #targetPort: number;
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  #port = 0;
  #mode: ProxyMode = "pass";
  #slowMs = 0;
  #connections = 0;
  #closed = false;

  private constructor(targetHost: string, targetPort: number) {
    this.#targetHost = targetHost;
    this.#targetPort = targetPort;
  }

  /** Starts forwarding 127.0.0.1:<random port> to `targetHost:targetPort`. */
  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    if (!Number.isInteger(targetPort) || targetPort < 1 || targetPort > 65_535)
      throw new TypeError(`targetPort must be a TCP port, got ${targetPort}`);
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.#listen();
    return proxy;
  }

  /** Starts a proxy to the host and port of `url` (e.g. REDIS_URL), with `defaultPort` when it names none. */
  static forUrl(url: string, defaultPort: number): Promise<TcpProxy> {
    const u = new URL(url);
    return TcpProxy.start(u.hostname, Number(u.port || defaultPort));
  }

  /** The local port clients connect to. */
  get port(): number {
    return this.#port;
  }

  /** The current fault. */
  get mode(): ProxyMode {
    return this.#mode;
  }

  /** Client connections accepted so far (a reconnect after a cut shows up here). */
  get connectionCount(): number {
    return this.#connections;
  }

  /** `url` (credentials, path and query kept) pointing at this proxy instead of its own host and port. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = "127.0.0.1";
    u.port = String(this.#port);
    return u.toString();
  }

  /** Destroys every open connection and refuses new ones until `restore()`. */
  async cut(): Promise<void> {
    this.#mode = "cut";
    await this.#stopListening();
  }

  /** Accepts connections but forwards nothing either way (bytes are held) until `restore()`. */
  async stall(): Promise<void> {
    await this.#ensureListening();
    this.#mode = "stall";
    for (const s of this.#sockets) s.pause();
  }

  /** Delivers every chunk `ms` later, in order, until `restore()`. */
  async slow(ms: number): Promise<void> {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new TypeError(`ms must be a finite number >= 0, got ${ms}`);
    await this.#ensureListening();
    this.#slowMs = ms;
    this.#mode = "slow";
    for (const s of this.#sockets) s.resume();
  }

  /** Forwards normally again, on the same port; bytes held by a stall flow on. */
  async restore(): Promise<void> {
    await this.#ensureListening();
    this.#mode = "pass";
    this.#slowMs = 0;
    for (const s of this.#sockets) s.resume();
  }

  /** Stops for good: destroys every connection and the listener. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#stopListening();
  }

  #accept(client: Socket): void {
    this.#connections++;
    const upstream = tcpConnect(this.#targetPort, this.#targetHost);
    const delay = () => (this.#mode === "slow" ? this.#slowMs : 0);
    for (const s of [client, upstream]) {
      this.#sockets.add(s);
      s.setNoDelay(true);
      // Either side closing or failing ends the pair, as a real connection would end.
      s.on("close", () => {
        this.#sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      s.on("error", () => s.destroy());
      if (this.#mode === "stall") s.pause();
    }
    new Pipe(client, upstream, delay);
    new Pipe(upstream, client, delay);
    client.on("end", () => upstream.end());
    upstream.on("end", () => client.end());
  }

  async #ensureListening(): Promise<void> {
    if (this.#closed) throw new Error("the proxy is closed");
    if (!this.#server) await this.#listen();
  }

  async #listen(): Promise<void> {
    const server = createServer((client) => this.#accept(client));
    // Reuse the port across cut / restore so clients reconnect to the address they were given.
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.#port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async #stopListening(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
