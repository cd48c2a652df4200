import { describe, expect, it } from "vitest";
import { MAX_SOAK_SECONDS, parseSoakArgs, SOAK_DEFAULTS } from "../../../bench/soak/soak-args.ts";

describe("bench:soak arguments", () => {
  it("defaults to the issue's soak: 120 s at 100 connections with a 20 s Redis cut", () => {
    expect(parseSoakArgs([])).toEqual({ kind: "run", args: SOAK_DEFAULTS });
    expect(SOAK_DEFAULTS).toMatchObject({ seconds: 120, cutSeconds: 20, connections: 100 });
  });

  it("takes a shorter run, with a cut scaled to it unless given", () => {
    expect(parseSoakArgs(["--seconds", "9"])).toMatchObject({
      kind: "run",
      args: { seconds: 9, cutSeconds: 3 },
    });
    expect(parseSoakArgs(["--seconds", "10", "--cut-seconds", "3", "--connections", "50"])).toMatchObject({
      kind: "run",
      args: { seconds: 10, cutSeconds: 3, connections: 50 },
    });
  });

  it("refuses, with the usage, a cut as long as the run, a run past the bound, a non-number or an unknown flag", () => {
    for (const argv of [
      ["--seconds", "10", "--cut-seconds", "10"],
      ["--seconds", String(MAX_SOAK_SECONDS + 1)],
      ["--seconds", "ten"],
      ["--bogus"],
    ]) {
      const parsed = parseSoakArgs(argv);
      expect(parsed.kind).toBe("error");
      if (parsed.kind === "error") expect(parsed.message).toContain("Usage: npm run bench:soak");
    }
  });

  it("answers --help with the usage", () => {
    expect(parseSoakArgs(["--help"])).toMatchObject({ kind: "help" });
  });
});
