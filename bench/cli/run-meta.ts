/** The facts about a run that change every time, for meta.json (never for report.json / report.md). */
import { execFileSync } from "node:child_process";
import { arch, cpus, hostname, platform } from "node:os";
import type { RunMeta } from "../report/types.ts";

/** The checked-out commit, or undefined outside a git work tree (a read-only `git rev-parse`). */
function gitCommit(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Metadata of a run that started and finished at the given wall-clock times. */
export function collectRunMeta(startedAt: Date, finishedAt: Date): RunMeta {
  const cpuList = cpus();
  const commit = gitCommit();
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallTimeMs: finishedAt.getTime() - startedAt.getTime(),
    nodeVersion: process.version,
    platform: platform(),
    arch: arch(),
    hostname: hostname(),
    cpuModel: cpuList[0]?.model ?? "unknown",
    cpus: cpuList.length,
    ...(commit ? { gitCommit: commit } : {}),
  };
}
