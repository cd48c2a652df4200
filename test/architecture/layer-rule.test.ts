import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLayerRule, readSources } from "./layer-rule.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("the hexagon's dependency rule", () => {
  it("holds for src/domain and src/ports as they are", () => {
    const files = [...readSources(root, "src/domain"), ...readSources(root, "src/ports")];
    expect(files.length).toBeGreaterThan(0);
    expect(checkLayerRule(files)).toEqual([]);
  });

  it.each([
    ["an adapter", `import { RedisCacheTier } from "../adapters/redis/redis-cache-tier.ts";`],
    ["the app layer", `import { loadConfig } from "../app/config.ts";`],
    ["a database library", `import Redis from "ioredis";`],
    ["a database library (pg)", `import pg from "pg";`],
    ["an HTTP library", `import express from "express";`],
    ["the DI container", `import { Container } from "inversify";`],
    ["node:fs", `import { readFileSync } from "node:fs";`],
    ["a dynamic import", `const m = await import("ioredis");`],
  ])("rejects domain code that imports %s", (_what, source) => {
    const v = checkLayerRule([{ path: "src/domain/x.ts", text: source }]);
    expect(v).toHaveLength(1);
    expect(v[0]?.rule).toBe("imports");
  });

  it("lets the domain import ports, other domain files and node:crypto", () => {
    const text = [
      `import type { Clock } from "../ports/clock.ts";`,
      `import { percentile } from "./percentiles.ts";`,
      `import { createHash } from "node:crypto";`,
    ].join("\n");
    expect(checkLayerRule([{ path: "src/domain/x.ts", text }])).toEqual([]);
  });

  it("rejects ports that import the domain", () => {
    const v = checkLayerRule([
      { path: "src/ports/x.ts", text: `import { score } from "../domain/lead-scoring.ts";` },
    ]);
    expect(v.map((x) => x.rule)).toEqual(["imports"]);
  });

  it.each([
    ["a decorator", "@injectable()\nexport class A {}", "decorator"],
    ["process.env", "const k = process.env.KEY;", "impure"],
    ["Math.random", "const r = Math.random();", "impure"],
    ["Date.now", "const t = Date.now();", "impure"],
  ])("rejects domain code that uses %s", (_what, text, rule) => {
    const v = checkLayerRule([{ path: "src/domain/x.ts", text }]);
    expect(v.map((x) => x.rule)).toEqual([rule]);
  });

  it("leaves adapters and the app free to import their libraries", () => {
    expect(
      checkLayerRule([{ path: "src/adapters/redis/x.ts", text: `import Redis from "ioredis";` }]),
    ).toEqual([]);
  });
});
