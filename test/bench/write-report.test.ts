import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "../../bench/report/build-report.ts";
import type { RunMeta } from "../../bench/report/types.ts";
import { writeReport } from "../../bench/report/write-report.ts";
import { publishedLikeResults } from "./fixtures.ts";

const meta = (startedAt: string): RunMeta => ({
  startedAt,
  finishedAt: startedAt,
  wallTimeMs: 600,
  nodeVersion: "v20.19.0",
  platform: "linux",
  arch: "x64",
  hostname: "bench-host",
  cpuModel: "test cpu",
  cpus: 8,
});

const folders: string[] = [];
async function freshFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "eh-bench-"));
  folders.push(dir);
  return join(dir, "nested", "out");
}

afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("writeReport", () => {
  it("creates the folder and writes report.json, report.md, meta.json and the charts, returning their paths", async () => {
    const out = await freshFolder();
    const files = await writeReport(
      out,
      buildReport(publishedLikeResults()),
      meta("2026-02-14T21:19:00.000Z"),
    );
    expect(files.map((f) => f.slice(out.length + 1))).toEqual([
      "report.json",
      "report.md",
      "meta.json",
      "latency-health.svg",
      "latency-qualify.svg",
      "latency-sync.svg",
      "cache-hit-rates.svg",
    ]);
    expect(JSON.parse(await readFile(join(out, "meta.json"), "utf8"))).toMatchObject({
      hostname: "bench-host",
    });
    expect(await readFile(join(out, "report.md"), "utf8")).toContain("## Appendix A: Raw Benchmark Output");
  });

  it("gives byte-identical report files for the same results, whatever the run's metadata", async () => {
    const [a, b] = [await freshFolder(), await freshFolder()];
    await writeReport(a, buildReport(publishedLikeResults()), meta("2026-02-14T00:00:00.000Z"));
    await writeReport(b, buildReport(publishedLikeResults()), meta("2027-01-01T00:00:00.000Z"));
    for (const name of ["report.json", "report.md", "cache-hit-rates.svg"]) {
      expect(await readFile(join(a, name), "utf8")).toBe(await readFile(join(b, name), "utf8"));
    }
    expect(await readFile(join(a, "meta.json"), "utf8")).not.toBe(
      await readFile(join(b, "meta.json"), "utf8"),
    );
  });
});
