/** The soak's result as the lines a person reads, and its verdict (errors must be 0). */
import type { SoakResult } from "./soak.ts";

const ms = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${mb(Math.abs(bytes))}`;

/** Why the soak failed, one line per reason; empty when it passed. */
export function soakFailures(result: SoakResult): string[] {
  const failures: string[] = [];
  if (result.total.errors > 0) {
    const bad = Object.entries(result.statusCounts)
      .filter(([status]) => !status.startsWith("2"))
      .map(([status, n]) => `${status === "0" ? "no response" : status}: ${n}`);
    failures.push(`${result.total.errors} request(s) failed (${bad.join(", ")})`);
  }
  if (result.total.requests === 0) failures.push("no request completed");
  return failures;
}

/** A short plain-text report: totals, each phase, the cache tiers per phase and RSS. */
export function renderSoakReport(result: SoakResult): string {
  const o = result.options;
  const lines = [
    `soak: ${o.seconds} s at ${o.connections} connections, Redis cut ${result.cut.startMs / 1000}–${result.cut.endMs / 1000} s`,
    `  requests ${result.total.requests}, errors ${result.total.errors}, ` +
      `${result.total.throughputRps.toFixed(0)} req/s, p50 ${ms(result.total.p50Ms)}, ` +
      `p99 ${ms(result.total.p99Ms)}, max ${ms(result.total.maxMs)}`,
  ];
  for (const p of result.phases) {
    const tiers = Object.entries(result.tiers[p.phase] ?? {})
      .map(([tier, c]) => `${tier} ${c.hit}h/${c.error}e`)
      .join(" ");
    lines.push(
      `  ${p.phase.padEnd(6)} ${(p.durationMs / 1000).toFixed(0).padStart(4)} s  ` +
        `${p.throughputRps.toFixed(0).padStart(6)} req/s  p99 ${ms(p.p99Ms).padStart(10)}  ` +
        `errors ${p.errors}  [${tiers}]`,
    );
  }
  const r = result.rss;
  lines.push(
    `  RSS ${mb(r.startBytes)} → ${mb(r.endBytes)} (${signedMb(r.growthBytes)}), peak ${mb(r.peakBytes)}, ${r.readings} readings`,
  );
  return lines.join("\n");
}
