import { describe, expect, it } from "vitest";
import { ProgressReporter } from "../../bench/cli/progress.ts";

/** A stream that records what was written. */
function recorder(isTTY: boolean, columns?: number) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns, write: (c: string) => chunks.push(c) } };
}

describe("progress on a terminal", () => {
  it("redraws one bar in place, only when the percentage changes, and ends the line when finished", () => {
    const { chunks, stream } = recorder(true);
    const progress = new ProgressReporter("cache", 200, stream);
    for (let i = 0; i < 200; i++) progress.tick();
    progress.finish();
    expect(chunks.every((c) => c.startsWith("\r"))).toBe(true);
    expect(chunks).toHaveLength(102); // 0 % … 100 % as ticked, then the final redraw ending the line
    expect(chunks[0]).toBe("\rcache [------------------------------]   0% 1/200");
    expect(chunks.at(-1)).toBe("\rcache [##############################] 100% 200/200\n");
  });

  it("never writes a line as wide as the terminal", () => {
    const { chunks, stream } = recorder(true, 20);
    const progress = new ProgressReporter("orchestration", 10, stream);
    progress.tick(5);
    expect(chunks[0]!.length - 1).toBeLessThan(20);
  });
});

describe("progress without a terminal", () => {
  it("prints a plain line every 10 % and a final one", () => {
    const { chunks, stream } = recorder(false);
    const progress = new ProgressReporter("api", 1_000, stream);
    for (let i = 0; i < 1_000; i++) progress.tick();
    progress.finish();
    progress.finish();
    expect(chunks).toEqual([
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `api: ${p * 10}/1000 (${p}%)\n`),
      "api: 1000/1000 (100%) done\n",
    ]);
  });

  it("a big tick that skips steps prints one line, not one per skipped step", () => {
    const { chunks, stream } = recorder(false);
    const progress = new ProgressReporter("api", 100, stream, 25);
    progress.tick(80);
    expect(chunks).toEqual(["api: 80/100 (75%)\n"]);
  });

  it("refuses a total that is not a positive integer", () => {
    expect(() => new ProgressReporter("x", 0)).toThrow(RangeError);
    expect(() => new ProgressReporter("x", 1.5)).toThrow(RangeError);
  });
});
