/**
 * Point-in-time readings of one process's memory and cumulative CPU time: for a child process from
 * Linux's /proc (RSS from /proc/<pid>/status, user + system time from /proc/<pid>/stat), for this
 * process from process.memoryUsage() and process.cpuUsage(). A child's V8 heap is invisible from
 * outside, so its heap reads as null (the service can publish it on /metrics instead).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** One reading. */
export interface ResourceReading {
  readonly rssBytes: number;
  /** V8 heap in use; null when the probe cannot see it. */
  readonly heapUsedBytes: number | null;
  /** User + system CPU time consumed since the process started, in µs. */
  readonly cpuMicros: number;
  /** When it was taken: performance.now() of this process, in ms. */
  readonly atMs: number;
}

/** Takes readings of one process. */
export interface ResourceProbe {
  /** What is being measured, e.g. "pid 4242". */
  readonly label: string;
  read(): ResourceReading;
}

/** Thrown when a process cannot be read (gone, or not Linux); `code` is stable. */
export class ProbeUnavailableError extends Error {
  readonly code = "probe_unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProbeUnavailableError";
  }
}

/** Reads a process by pid from /proc. */
export class ChildProcessProbe implements ResourceProbe {
  /** "<name> (pid <n>)", or "pid <n>". */
  readonly label: string;
  readonly #pid: number;
  readonly #ticksPerSecond = clockTicksPerSecond();

  /** A probe of process `pid` (must be readable under /proc), named `name` in reports. */
  constructor(pid: number, name?: string) {
    if (!Number.isSafeInteger(pid) || pid < 1)
      throw new TypeError(`pid must be a positive integer, got ${pid}`);
    this.#pid = pid;
    this.label = name ? `${name} (pid ${pid})` : `pid ${pid}`;
  }

  /** RSS and CPU time from /proc; heap is null. */
  read(): ResourceReading {
    let status: string;
    let stat: string;
    try {
      status = readFileSync(`/proc/${this.#pid}/status`, "utf8");
      stat = readFileSync(`/proc/${this.#pid}/stat`, "utf8");
    } catch (cause) {
      throw new ProbeUnavailableError(`cannot read /proc/${this.#pid}`, { cause });
    }
    const ticks = parseCpuTicks(stat);
    return {
      rssBytes: parseVmRssBytes(status),
      heapUsedBytes: null,
      cpuMicros: (ticks * 1_000_000) / this.#ticksPerSecond,
      atMs: performance.now(),
    };
  }
}

/** Reads several processes as one (the workers of one service): RSS and CPU time summed. */
export class ProcessGroupProbe implements ResourceProbe {
  /** The name given, with the pids. */
  readonly label: string;
  readonly #probes: readonly ChildProcessProbe[];

  /** A probe of every process in `pids` (at least one), named `name` in reports. */
  constructor(pids: readonly number[], name: string) {
    if (pids.length === 0) throw new TypeError("a process group needs at least one pid");
    this.#probes = pids.map((pid) => new ChildProcessProbe(pid));
    this.label = `${name} (pid${pids.length > 1 ? "s" : ""} ${pids.join(", ")})`;
  }

  /** The sum of every process's RSS and CPU time; heap is null. */
  read(): ResourceReading {
    const readings = this.#probes.map((p) => p.read());
    return {
      rssBytes: readings.reduce((sum, r) => sum + r.rssBytes, 0),
      heapUsedBytes: null,
      cpuMicros: readings.reduce((sum, r) => sum + r.cpuMicros, 0),
      atMs: performance.now(),
    };
  }
}

/** Reads this process through Node's own counters. */
export class CurrentProcessProbe implements ResourceProbe {
  /** "this process". */
  readonly label = "this process";

  /** RSS, heap used and CPU time of this process. */
  read(): ResourceReading {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    return {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      cpuMicros: cpu.user + cpu.system,
      atMs: performance.now(),
    };
  }
}

/** VmRSS of a /proc/<pid>/status text, in bytes (the kernel reports kB). */
export function parseVmRssBytes(statusText: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  if (!match) throw new ProbeUnavailableError("no VmRSS line in /proc status (a zombie, or not Linux)");
  return Number(match[1]) * 1024;
}

/** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in clock ticks. */
export function parseCpuTicks(statText: string): number {
  // Field 2 is the command in parentheses and may itself hold spaces or ")", so count from the last ")".
  const fields = statText.slice(statText.lastIndexOf(")") + 2).split(" ");
  // After the command, field 3 (state) is index 0, so field n is index n - 3.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new ProbeUnavailableError("malformed /proc stat line");
  return utime + stime;
}

let ticksPerSecond: number | undefined;

/** The kernel's USER_HZ (getconf CLK_TCK); 100 on every mainstream Linux, used if getconf is missing. */
function clockTicksPerSecond(): number {
  if (ticksPerSecond !== undefined) return ticksPerSecond;
  try {
    const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    ticksPerSecond = Number.isSafeInteger(value) && value > 0 ? value : 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}
