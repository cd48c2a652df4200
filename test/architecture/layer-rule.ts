/**
 * The hexagon's dependency rule, checked on source text:
 * - src/domain imports only src/domain, src/ports and node:crypto;
 * - src/ports imports only src/ports;
 * - neither uses decorators, and domain code never reads process.env, Math.random, Date.now or new Date().
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  line: number;
  rule: string;
  detail: string;
}

const IMPORT =
  /(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
const DECORATOR = /^\s*@[A-Za-z_$][\w$]*(?:\(|\s*$)/;
const IMPURE: Array<[RegExp, string]> = [
  [/\bprocess\.env\b/, "reads process.env"],
  [/\bMath\.random\s*\(/, "calls Math.random"],
  [/\bDate\.now\s*\(/, "reads the clock (Date.now)"],
  [/\bnew Date\s*\(\s*\)/, "reads the clock (new Date())"],
  [/\bperformance\.now\s*\(/, "reads the clock (performance.now)"],
];

function layerOf(path: string): "domain" | "ports" | "other" {
  if (path.startsWith("src/domain/")) return "domain";
  if (path.startsWith("src/ports/")) return "ports";
  return "other";
}

function allowed(from: string, specifier: string): boolean {
  const layer = layerOf(from);
  if (layer === "other") return true;
  if (!specifier.startsWith(".")) return layer === "domain" && specifier === "node:crypto";
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (layer === "ports") return target.startsWith("src/ports/");
  return target.startsWith("src/domain/") || target.startsWith("src/ports/");
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** Every breach of the dependency rule in `files`. */
export function checkLayerRule(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (layer === "other") continue;
    for (const m of file.text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? "";
      if (!allowed(file.path, spec)) {
        out.push({ path: file.path, line: lineAt(file.text, m.index ?? 0), rule: "imports", detail: spec });
      }
    }
    file.text.split("\n").forEach((line, i) => {
      if (DECORATOR.test(line))
        out.push({ path: file.path, line: i + 1, rule: "decorator", detail: line.trim() });
      if (layer !== "domain") return;
      for (const [re, what] of IMPURE) {
        if (re.test(line)) out.push({ path: file.path, line: i + 1, rule: "impure", detail: what });
      }
    });
  }
  return out;
}

/** Reads every .ts file under `dir` (relative to `root`). */
export function readSources(root: string, dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) {
        files.push({ path: relative(root, p).split("\\").join("/"), text: readFileSync(p, "utf8") });
      }
    }
  };
  walk(join(root, dir));
  return files;
}
