import { describe, expect, it } from "vitest";
import { summarizeRss } from "../../../bench/soak/rss-sampler.ts";
import { bodyFor, SoakWorkload } from "../../../bench/soak/soak-workload.ts";
import { parseTierCounts, tierDelta } from "../../../bench/soak/tier-counters.ts";

const METRICS = `# HELP eh_cache_lookups Cache lookups per tier by outcome (hit, miss, error) since start
# TYPE eh_cache_lookups gauge
eh_cache_lookups{tier="L1",outcome="hit"} 120
eh_cache_lookups{tier="L1",outcome="miss"} 30
eh_cache_lookups{tier="L1",outcome="error"} 0
eh_cache_lookups{tier="L2",outcome="hit"} 12
eh_cache_lookups{tier="L2",outcome="miss"} 18
eh_cache_lookups{tier="L2",outcome="error"} 4
eh_http_requests_total{route="/x"} 9
`;

describe("soak measurements", () => {
  it("reads the per-tier cache counters from /metrics, ignoring other metrics", () => {
    expect(parseTierCounts(METRICS)).toEqual({
      L1: { hit: 120, miss: 30, error: 0 },
      L2: { hit: 12, miss: 18, error: 4 },
    });
  });

  it("subtracts two readings tier by tier (a tier new in the later one counts from zero)", () => {
    const before = { L1: { hit: 100, miss: 20, error: 0 } };
    expect(tierDelta(before, parseTierCounts(METRICS))).toEqual({
      L1: { hit: 20, miss: 10, error: 0 },
      L2: { hit: 12, miss: 18, error: 4 },
    });
  });

  it("summarizes RSS readings: growth is last minus first, peak the largest", () => {
    expect(summarizeRss([100, 180, 150])).toEqual({
      startBytes: 100,
      peakBytes: 180,
      endBytes: 150,
      growthBytes: 50,
      readings: 3,
    });
    expect(() => summarizeRss([])).toThrow(TypeError);
  });

  it("the workload is reproducible from its seed, mixes repeats with fresh leads, and every body is a valid qualify request", () => {
    const a = new SoakWorkload({ runTag: "t", seed: 7 });
    const b = new SoakWorkload({ runTag: "t", seed: 7 });
    const bodies = Array.from({ length: 2_000 }, () => a.next());
    expect(Array.from({ length: 2_000 }, () => b.next())).toEqual(bodies);
    const distinct = new Set(bodies).size;
    expect(distinct).toBeLessThan(bodies.length);
    expect(distinct).toBeGreaterThan(bodies.length / 5);
    const parsed = JSON.parse(bodies[0]!) as { messages: Array<{ text: string }> };
    expect(parsed.messages[0]?.text).toMatch(/\(soak t (hot|new)-\d+\)$/);
    expect(bodyFor("hot-1", "t")).not.toBe(bodyFor("hot-1", "u"));
  });
});
