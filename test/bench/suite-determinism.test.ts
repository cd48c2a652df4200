/** The benchmark suite end to end: same seed → byte-identical modeled report; real mode labels everything measured. */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBenchCli } from "../../bench/cli/bench-cli.ts";
import { runAll } from "../../bench/runners/run-all-parts.ts";
import { skipUnless } from "../support/services.ts";

const quietIo = {
  stdout: { write: () => true },
  stderr: { write: () => true, isTTY: false },
  now: () => new Date(0),
};

async function run(args: string[]) {
  const out = await mkdtemp(join(tmpdir(), "eh-bench-"));
  const code = await runBenchCli([...args, "--out", out], runAll, quietIo);
  return {
    code,
    out,
    json: await readFile(join(out, "report.json"), "utf8"),
    md: await readFile(join(out, "report.md"), "utf8"),
  };
}

/** report.json with every measured figure (real CPU timings of the orchestration phases) blanked. */
function modeledPart(json: string): string {
  return JSON.stringify(JSON.parse(json), (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) && v.provenance === "measured"
      ? { provenance: "measured", label: v.label ?? null }
      : v,
  );
}

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

describe("benchmark suite", () => {
  it("same seed, same code: byte-identical modeled report, and 8/8 checks", {
    timeout: 120_000,
  }, async () => {
    const args = ["--mode", "simulated", "--iterations", "60", "--cache-iterations", "2000", "--seed", "42"];
    const a = await run(args);
    const b = await run(args);
    expect(a.code).toBe(0);
    expect(modeledPart(a.json)).toBe(modeledPart(b.json));
    expect(JSON.parse(a.json).checks).toHaveLength(8);
    expect(await readdir(a.out)).toEqual(
      expect.arrayContaining(["report.json", "report.md", "meta.json", "cache-hit-rates.svg"]),
    );
  });

  it("another seed gives other modeled figures", { timeout: 120_000 }, async () => {
    const a = await run(["--iterations", "40", "--cache-iterations", "500", "--seed", "42"]);
    const c = await run(["--iterations", "40", "--cache-iterations", "500", "--seed", "7"]);
    expect(modeledPart(a.json)).not.toBe(modeledPart(c.json));
  });

  it.skipIf(skip)(
    "real mode runs against the real services and labels every latency it times as measured",
    { timeout: 180_000 },
    async () => {
      const r = await run(["--mode", "real", "--iterations", "40", "--cache-iterations", "400"]);
      const results = JSON.parse(r.json).results;
      for (const e of results.endpoints) expect(e.latency.provenance).toBe("measured");
      for (const t of results.cache.tiers) expect(t.latency.provenance).toBe("measured");
      expect(results.cache.overall.latency.provenance).toBe("measured");
      expect(results.cache.workload).toMatch(/Zipf/);
      expect(r.md).toContain("measured");
    },
  );
});
