import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliIo, type RunBenchmarks, runBenchCli } from "../../bench/cli/bench-cli.ts";
import { latency, publishedLikeResults } from "./fixtures.ts";

/** Captured output and a clock pinned to the report's date. */
function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (c: string) => out.push(c) },
    stderr: { isTTY: false, write: (c: string) => err.push(c) },
    now: () => new Date("2026-02-14T21:19:00.000Z"),
  };
  return { io, out, err };
}

const { config: _config, ...measured } = publishedLikeResults();
const runners: RunBenchmarks = async (_options, progress) => {
  const p = progress("api", 4);
  p.tick(4);
  p.finish();
  return measured;
};

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("bench CLI shell", () => {
  it("runs, writes the report into --out, prints the checks and exits 0 when all pass", async () => {
    const dir = await mkdtemp(join(tmpdir(), "eh-cli-"));
    dirs.push(dir);
    const { io, out, err } = fakeIo();
    const code = await runBenchCli(["--out", dir, "--quick"], runners, io);
    expect(code).toBe(0);
    expect(out.join("")).toContain("8/8 checks passed");
    expect(err.join("")).toContain("api: 4/4 (100%) done");
    expect((await readdir(dir)).sort()).toContain("report.json");
  });

  it("exits 1 when a check fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "eh-cli-"));
    dirs.push(dir);
    const slow: RunBenchmarks = async () => ({
      ...measured,
      endpoints: measured.endpoints.map((e) =>
        e.endpoint === "health" ? { ...e, latency: latency(40, 60, 75) } : e,
      ),
    });
    const { io, out } = fakeIo();
    expect(await runBenchCli(["--out", dir], slow, io)).toBe(1);
    expect(out.join("")).toContain("FAIL  API /health P99 < 50ms");
  });

  it("exits 2 with the message and usage on stderr for a bad command line, running nothing", async () => {
    const { io, err } = fakeIo();
    let ran = false;
    const code = await runBenchCli(
      ["--iterations", "lots"],
      async () => {
        ran = true;
        return measured;
      },
      io,
    );
    expect([code, ran]).toEqual([2, false]);
    expect(err.join("")).toContain('--iterations needs a whole number, got "lots".');
  });

  it("prints the usage for --help and exits 0", async () => {
    const { io, out } = fakeIo();
    expect(await runBenchCli(["--help"], runners, io)).toBe(0);
    expect(out.join("")).toContain("Usage: npm run bench");
  });
});
