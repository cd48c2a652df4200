/**
 * Starts any HTTP server as a child process and finds its URL, the same way for the peers and for
 * EnterpriseHub itself.
 *
 * Contract with the child (see listening-line.ts):
 * - it binds 127.0.0.1 on the port in PORT (the harness passes PORT=0: any free port);
 * - once it accepts connections it prints `{"event":"listening","url":"http://127.0.0.1:PORT"}` on
 *   stdout; other output is ignored (but drained, so a chatty logger never blocks on a full pipe);
 * - SIGTERM makes it stop; one still alive `stopTimeoutMs` later is killed with SIGKILL.
 *
 * Run TypeScript entries with `tsxCommand(entry)` (node --import tsx), not the `tsx` CLI: the CLI
 * runs the script in a second process, so `pid` (and every /proc reading of it) would be the wrapper's.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { assertLoopbackUrl } from "../loopback-url.ts";
import { parseListeningLine } from "./listening-line.ts";

/** The repository root: children run here so `--import tsx` and relative paths resolve. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** A running child server. */
export interface StartedServer {
  /** Base URL from its start-up line, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  readonly pid: number;
  /** SIGTERM, then SIGKILL if it lingers; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Give up (and kill the child) if no start-up line came by then; default 30 s (PGlite takes ~3.5 s). */
  readonly startTimeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL; default 5 s. */
  readonly stopTimeoutMs?: number;
  /** Working directory; default the repository root. */
  readonly cwd?: string;
}

export type ServerStartErrorCode = "start_timeout" | "exited_early" | "spawn_failed";

/** Thrown when a child did not come up; `code` is stable, the message carries its stderr tail. */
export class ServerStartError extends Error {
  readonly code: ServerStartErrorCode;
  constructor(code: ServerStartErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ServerStartError";
    this.code = code;
  }
}

/** `node --import tsx <entry>` in one process (entry relative to the repository root or absolute). */
export function tsxCommand(entry: string): { cmd: string; args: string[] } {
  return { cmd: process.execPath, args: ["--import", "tsx", entry] };
}

/** Spawns `cmd args` with `env` added to this process's environment and resolves once it listens. */
export async function startServer(
  cmd: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  options: StartServerOptions = {},
): Promise<StartedServer> {
  const child = spawn(cmd, [...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr = new StderrTail(child);
  // If this process exits first, do not leave a server behind.
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  exited.then(() => process.off("exit", killOnExit));
  try {
    const url = await waitForUrl(child, options.startTimeoutMs ?? 30_000, stderr);
    assertLoopbackUrl(url);
    const stop = once(() => stopChild(child, exited, options.stopTimeoutMs ?? 5_000));
    return { url, pid: child.pid!, stop };
  } catch (error) {
    await stopChild(child, exited, 1_000);
    throw error;
  }
}

function waitForUrl(child: ChildProcess, timeoutMs: number, stderr: StderrTail): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const finish = (outcome: () => void): void => {
      clearTimeout(timer);
      child.off("exit", onExit);
      child.off("error", onError);
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ServerStartError("start_timeout", `no start-up line within ${timeoutMs} ms${stderr.text()}`),
          ),
        ),
      timeoutMs,
    );
    const onExit = (code: number | null, signal: string | null): void =>
      finish(() =>
        reject(
          new ServerStartError(
            "exited_early",
            `exited (${signal ?? `code ${code}`}) before listening${stderr.text()}`,
          ),
        ),
      );
    const onError = (cause: Error): void =>
      finish(() => reject(new ServerStartError("spawn_failed", `cannot start: ${cause.message}`, { cause })));
    child.once("exit", onExit);
    child.once("error", onError);
    // The reader keeps running after the URL is found: it is what drains the child's stdout.
    let found = false;
    lines.on("line", (line) => {
      const url = found ? undefined : parseListeningLine(line);
      if (url === undefined) return;
      found = true;
      finish(() => resolve(url));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, graceMs);
  });
  await Promise.race([exited, killed]);
  clearTimeout(timer);
  await exited;
}

/** The last few KiB a child wrote on stderr, for error messages; drains the pipe as it goes. */
class StderrTail {
  #tail = "";
  constructor(child: ChildProcess) {
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      this.#tail = (this.#tail + chunk).slice(-4096);
    });
  }

  /** "\n--- stderr ---\n<tail>", or "" when it wrote nothing. */
  text(): string {
    return this.#tail.trim() === "" ? "" : `\n--- stderr ---\n${this.#tail.trimEnd()}`;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}
