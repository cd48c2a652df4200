import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../bench/cli/args.ts";

/** The error message for `argv` (fails the test if parsing succeeded). */
function errorOf(argv: string[]): string {
  const parsed = parseBenchArgs(argv);
  if (parsed.kind !== "error") throw new Error(`expected an error for ${argv.join(" ")}, got ${parsed.kind}`);
  return parsed.message.split("\n")[0]!;
}

describe("bench CLI arguments", () => {
  it("default to a simulated run of 1,000 iterations, 10,000 cache operations, seed 42, into bench-results", () => {
    expect(parseBenchArgs([])).toEqual({
      kind: "run",
      options: {
        mode: "simulated",
        iterations: 1_000,
        cacheIterations: 10_000,
        seed: 42,
        outDir: "bench-results",
        quick: false,
      },
    });
  });

  it("accept every option as '--flag value' or '--flag=value'", () => {
    const parsed = parseBenchArgs([
      "--mode",
      "real",
      "--iterations=50",
      "--cache-iterations",
      "500",
      "--seed=-7",
      "--out",
      "/tmp/x",
    ]);
    expect(parsed).toEqual({
      kind: "run",
      options: {
        mode: "real",
        iterations: 50,
        cacheIterations: 500,
        seed: -7,
        outDir: "/tmp/x",
        quick: false,
      },
    });
  });

  it("--quick lowers the counts it was not given", () => {
    expect(parseBenchArgs(["--quick"])).toMatchObject({
      options: { iterations: 100, cacheIterations: 1_000, quick: true },
    });
    expect(parseBenchArgs(["--quick", "--iterations", "7"])).toMatchObject({
      options: { iterations: 7, cacheIterations: 1_000 },
    });
  });

  it("--help gives the usage text", () => {
    const parsed = parseBenchArgs(["--iterations", "5", "--help"]);
    expect(parsed.kind).toBe("help");
    if (parsed.kind === "help") expect(parsed.text).toContain("--cache-iterations N");
  });

  it.each([
    [["--mode", "fast"], '--mode must be "simulated" or "real", got "fast".'],
    [["--iterations", "abc"], '--iterations needs a whole number, got "abc".'],
    [["--iterations", "1e3"], '--iterations needs a whole number, got "1e3".'],
    [["--iterations", "-5"], '--iterations needs a whole number, got "-5".'],
    [["--iterations", "0"], "--iterations must be between 1 and 10000000, got 0."],
    [["--cache-iterations", "10.5"], '--cache-iterations needs a whole number, got "10.5".'],
    [["--cache-iterations", "99999999"], "--cache-iterations must be between 1 and 10000000, got 99999999."],
    [
      ["--seed", "forty-two"],
      '--seed needs an integer between -9007199254740991 and 9007199254740991, got "forty-two".',
    ],
    [
      ["--seed", "9007199254740993"],
      '--seed needs an integer between -9007199254740991 and 9007199254740991, got "9007199254740993".',
    ],
    [["--out"], "--out needs a value."],
    [["--out="], "--out needs a value."],
    [["--mode", "--quick"], "--mode needs a value."],
    [["--iterations", "5", "--iterations", "6"], "--iterations was given twice."],
    [["--verbose"], 'Unknown option "--verbose".'],
    [["report"], 'Unknown option "report".'],
  ])("%j is refused: %s", (argv, message) => {
    expect(errorOf(argv)).toBe(message);
  });

  it("an error message ends with the usage text", () => {
    const parsed = parseBenchArgs(["--nope"]);
    expect(parsed.kind === "error" && parsed.message).toContain("Usage: npm run bench");
  });
});
