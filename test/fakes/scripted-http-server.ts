/**
 * The machinery every fake HTTP API shares: a node:http server on 127.0.0.1 (random port), a log of
 * what it received, a queue of scripted steps (errors, delays, dropped connections), a default step,
 * and modeled latency. A subclass supplies the API itself: its normal answer and the shape of its errors.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createTcpServer } from "node:net";

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** The path without its query string, e.g. "/v1/messages". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  /** True when a body was sent but is not valid JSON. */
  malformedJson: boolean;
}

/** A reply the fake sends; `body` is sent as JSON. */
export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A canned reply; the subclass fills in the API's own error body and headers where they are left out. */
export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

/**
 * What the fake does with one request:
 * "ok" answers normally; "slow" answers normally after `slowMs` (past any sane client timeout);
 * "down" drops the connection without a word; `{delayMs}` answers normally after a delay;
 * `{status, headers?, body?, delayMs?}` sends that reply.
 */
export type ScriptStep = "ok" | "slow" | "down" | { delayMs: number } | ScriptedReply;

/** Modeled latency: milliseconds to wait before answering this request. */
export type LatencyModel = (request: RecordedRequest) => number;

export interface ScriptedHttpServerOptions {
  /** Modeled latency added to every request. */
  latencyMs?: LatencyModel;
  /** How long a "slow" step waits, in ms. Default 60 s. */
  slowMs?: number;
  /** Keep the request log (turn off for long load runs; `requestCount` still counts). Default true. */
  recordRequests?: boolean;
}

/** Base class of the fake API servers: scripting, logging, latency and lifecycle. */
export abstract class ScriptedHttpServer {
  /** Every request received, in arrival order (empty when `recordRequests` is off). */
  readonly requests: RecordedRequest[] = [];
  #count = 0;
  #queue: ScriptStep[] = [];
  #default: ScriptStep = "ok";
  #latency: LatencyModel | undefined;
  readonly #slowMs: number;
  readonly #record: boolean;
  readonly #timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  readonly #server = createServer((req, res) => void this.#serve(req, res));
  #url = "";

  protected constructor(options: ScriptedHttpServerOptions = {}) {
    this.#latency = options.latencyMs;
    this.#slowMs = options.slowMs ?? 60_000;
    this.#record = options.recordRequests ?? true;
  }

  /** The API's normal answer to a request. */
  protected abstract answer(request: RecordedRequest): FakeReply | Promise<FakeReply>;

  /** The API-shaped reply for a scripted status: the body and headers the real API would send. */
  protected abstract shapeScripted(request: RecordedRequest, scripted: ScriptedReply): FakeReply;

  /** Starts listening on 127.0.0.1 with a random port. */
  protected async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.#url = `http://127.0.0.1:${port}`;
  }

  /** Base URL of the fake, e.g. "http://127.0.0.1:53121". */
  get url(): string {
    return this.#url;
  }

  /** How many requests arrived, logged or not. */
  get requestCount(): number {
    return this.#count;
  }

  /** Queues steps for the next requests, one per request, in order; then the default applies again. */
  script(steps: ScriptStep[]): void {
    this.#queue.push(...steps);
  }

  /** Steps still waiting in the queue. */
  get pendingSteps(): number {
    return this.#queue.length;
  }

  /** The step used when the queue is empty ("ok" unless changed): e.g. "down" for an outage. */
  setDefault(step: ScriptStep): void {
    this.#default = step;
  }

  /** Replaces the modeled latency (undefined: none). */
  setLatency(model: LatencyModel | undefined): void {
    this.#latency = model;
  }

  /** Forgets the log, the queue and the default step. */
  resetScript(): void {
    this.requests.length = 0;
    this.#count = 0;
    this.#queue = [];
    this.#default = "ok";
  }

  /** Stops the server, drops open connections and cancels pending delays. */
  async close(): Promise<void> {
    for (const t of this.#timers) {
      clearTimeout(t.timer);
      t.wake();
    }
    this.#timers.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.#handle(req, res);
    } catch {
      // The client went away mid-request (or the socket broke): nothing left to answer.
      req.socket.destroy();
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    this.#count += 1;
    if (this.#record) this.requests.push(request);
    const step = this.#queue.shift() ?? this.#default;
    let clientGone = false;
    res.on("close", () => {
      clientGone = true;
    });

    const delay = (this.#latency?.(request) ?? 0) + stepDelay(step, this.#slowMs);
    if (delay > 0 && !(await this.#sleep(delay))) return;
    if (clientGone) return;
    if (step === "down") {
      req.socket.destroy();
      return;
    }
    let reply: FakeReply;
    try {
      reply =
        typeof step === "object" && "status" in step
          ? this.shapeScripted(request, step)
          : await this.answer(request);
    } catch (error) {
      reply = this.shapeScripted(request, { status: 500, body: undefined });
      console.error("fake server failed to answer", error);
    }
    send(res, reply);
  }

  /** Resolves true after `ms`, or false if the server closed first. */
  #sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.#timers.delete(entry);
          resolve(true);
        }, ms),
        wake: () => resolve(false),
      };
      this.#timers.add(entry);
    });
  }
}

/** Merges header sets, later ones winning, with names lower-cased so "Retry-After" replaces "retry-after". */
export function mergeHeaders(...sets: Array<Record<string, string> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets)
    for (const [name, value] of Object.entries(set ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function stepDelay(step: ScriptStep, slowMs: number): number {
  if (step === "slow") return slowMs;
  if (typeof step === "object") return step.delayMs ?? 0;
  return 0;
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url ?? "/", "http://fake");
  let body: unknown;
  let malformedJson = false;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
      malformedJson = true;
    }
  }
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    malformedJson,
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  const headers = mergeHeaders(reply.headers);
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  headers["content-type"] ??= "application/json";
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers).end(payload);
}

/** A loopback URL where nothing listens (a port bound, noted and released): connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
