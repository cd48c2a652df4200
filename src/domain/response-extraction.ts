/**
 * Finds the JSON object in a model's answer, whatever the model wrapped around it. Never throws.
 *
 * Strategies, tried in this order; within each, candidates are tried in text order:
 * - "tool":  the structured tool input, when the model gave one (a JSON string there is searched too);
 * - "whole": the whole trimmed text is one JSON object;
 * - "fence": the body of a ``` block (```json, any other tag, or bare), first one that parses;
 * - "scan":  a balanced {...} found by a brace scan that skips braces inside strings and escaped quotes.
 * A fenced object is preferred to an unfenced one earlier in the text: the fence is the model's own marker.
 *
 * Trailing commas (`{"a": 1,}`), a common LLM slip, are repaired: a candidate that fails to parse is
 * retried once with commas directly before `}` or `]` (outside strings) removed; `repaired` says so.
 * Only JSON objects count as answers; arrays and scalars are skipped (the scan still finds objects in them).
 *
 * Cost is linear in the text: fences are found with indexOf, each scan is one pass, and the work spent
 * on start positions that fail is capped (WORK_PER_CHAR), so a megabyte of "{" costs a few passes.
 */
import type { Qualification } from "../ports/qualification.ts";
import { type ValidationIssue, validateQualification } from "./qualification-schema.ts";

/** How an answer was found. */
export type ExtractionStrategy = "tool" | "whole" | "fence" | "scan";

/** Why nothing was found: blank input, no JSON object anywhere, or objects that are not qualifications. */
export type ExtractionFailure = "empty" | "no_json" | "invalid";

/** The first JSON object in a text, or why there is none. */
export type JsonExtraction =
  | { ok: true; value: Record<string, unknown>; strategy: ExtractionStrategy; repaired: boolean }
  | { ok: false; reason: Exclude<ExtractionFailure, "invalid"> };

/** The first valid Qualification in a model response, or why there is none (with the first object's issues). */
export type QualificationExtraction =
  | { ok: true; value: Qualification; strategy: ExtractionStrategy; repaired: boolean }
  | { ok: false; reason: ExtractionFailure; errors?: ValidationIssue[] };

/**
 * Work allowed on fence bodies and scan starts that fail (a stray "{" in prose, a broken object), in
 * characters scanned or parsed: WORK_PER_CHAR passes over the text plus WORK_SLACK, each failure also
 * costing WORK_PER_ATTEMPT (a failed JSON.parse throws, which has a fixed price). Past it the search
 * gives up: linear time on any input, while a short answer may still hold dozens of stray braces.
 */
export const WORK_PER_CHAR = 2;
/** See WORK_PER_CHAR. */
export const WORK_SLACK = 65_536;
/** See WORK_PER_CHAR. */
export const WORK_PER_ATTEMPT = 512;

/** What extraction reads from a model response (ModelResponse fits). */
export interface ModelOutput {
  text: string;
  /** Tool input / structured output, untrusted. */
  structured?: unknown;
}

interface Candidate {
  value: Record<string, unknown>;
  strategy: ExtractionStrategy;
  repaired: boolean;
}

/** The first JSON object found in `text` by the "whole", "fence" and "scan" strategies. */
export function extractJson(text: string): JsonExtraction {
  const s = typeof text === "string" ? text : "";
  const first = candidatesIn(s).next();
  if (!first.done) return { ok: true, ...first.value };
  return { ok: false, reason: s.trim() === "" ? "empty" : "no_json" };
}

/** The first candidate object that validates as a Qualification: tool input first, then the text. */
export function extractQualification(response: ModelOutput): QualificationExtraction {
  let firstErrors: ValidationIssue[] | undefined;
  for (const c of candidatesOf(response)) {
    const v = validateQualification(c.value);
    if (v.ok) return { ok: true, value: v.value, strategy: c.strategy, repaired: c.repaired };
    firstErrors ??= v.errors;
  }
  if (firstErrors) return { ok: false, reason: "invalid", errors: firstErrors };
  const text = typeof response.text === "string" ? response.text : "";
  const blank = text.trim() === "" && (response.structured === undefined || response.structured === null);
  return { ok: false, reason: blank ? "empty" : "no_json" };
}

function* candidatesOf(response: ModelOutput): Generator<Candidate> {
  const tool = response.structured;
  if (typeof tool === "string") {
    for (const c of candidatesIn(tool)) yield { ...c, strategy: "tool" };
  } else if (typeof tool === "object" && tool !== null && !Array.isArray(tool)) {
    yield { value: tool as Record<string, unknown>, strategy: "tool", repaired: false };
  }
  if (typeof response.text === "string") yield* candidatesIn(response.text);
}

function* candidatesIn(text: string): Generator<Candidate> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const whole = parseObject(trimmed);
    if (whole) yield { ...whole, strategy: "whole" };
  }
  const budget = { left: WORK_PER_CHAR * text.length + WORK_SLACK };
  yield* fencedObjects(text, budget);
  yield* scannedObjects(text, budget);
}

const TAG_LINE = /^[A-Za-z][\w+.-]*$/;

/** Objects in ``` blocks (language-tag line removed), in text order. */
function* fencedObjects(text: string, budget: { left: number }): Generator<Candidate> {
  let from = 0;
  while (budget.left > 0) {
    const open = text.indexOf("```", from);
    const close = open < 0 ? -1 : text.indexOf("```", open + 3);
    if (close < 0) return;
    let body = text.slice(open + 3, close);
    const newline = body.indexOf("\n");
    if (newline >= 0 && TAG_LINE.test(body.slice(0, newline).trim())) body = body.slice(newline + 1);
    body = body.trim();
    const parsed = body.startsWith("{") ? parseObject(body) : undefined;
    if (parsed) yield { ...parsed, strategy: "fence" };
    else budget.left -= WORK_PER_ATTEMPT + body.length;
    from = close + 3;
  }
}

/** Balanced {...} candidates that parse, in text order; a start that fails moves on one brace. */
function* scannedObjects(text: string, budget: { left: number }): Generator<Candidate> {
  let from = text.indexOf("{");
  while (from >= 0 && budget.left > 0) {
    const end = balancedEnd(text, from);
    const parsed = end < 0 ? undefined : parseObject(text.slice(from, end + 1));
    if (parsed) {
      yield { ...parsed, strategy: "scan" };
      from = text.indexOf("{", end + 1);
    } else {
      budget.left -= WORK_PER_ATTEMPT + (end < 0 ? text.length : end + 1) - from;
      from = text.indexOf("{", from + 1);
    }
  }
}

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;

/** Index of the `}` closing the `{` at `from`, skipping string contents; -1 when it never closes. */
function balancedEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return i;
  }
  return -1;
}

function parseObject(json: string): { value: Record<string, unknown>; repaired: boolean } | undefined {
  const value = parseOrUndefined(json);
  if (value !== undefined) return isObject(value) ? { value, repaired: false } : undefined;
  const repairedText = json.includes(",") ? withoutTrailingCommas(json) : json;
  if (repairedText === json) return undefined;
  const repaired = parseOrUndefined(repairedText);
  return isObject(repaired) ? { value: repaired, repaired: true } : undefined;
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Drops each comma (outside strings) that is followed only by whitespace and then `}` or `]`. */
function withoutTrailingCommas(json: string): string {
  let out = "";
  let kept = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === 0x2c) {
      let j = i + 1;
      while (isJsonSpace(json.charCodeAt(j))) j++;
      const next = json[j];
      if (next === "}" || next === "]") {
        out += json.slice(kept, i);
        kept = i + 1;
      }
    }
  }
  return out + json.slice(kept);
}
