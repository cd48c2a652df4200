/**
 * The soak in small (issue 8's acceptance, `npm run bench:soak` for the full 2 minutes): the service
 * as a child process under 100 connections of mixed qualify requests, Redis cut for 3 s in the middle
 * of a 10 s run. The promise: not one request fails, requests keep being served while Redis is cut,
 * and the L2 circuit keeps the failed Redis calls to a handful.
 */
import { describe, expect, it } from "vitest";
import { runSoak } from "../../bench/soak/soak.ts";
import { DATABASE_URL, REDIS_URL, skipUnless } from "../support/services.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

describe.skipIf(skip)("fault: soak with Redis cut mid-run", () => {
  it("100 connections for 10 s, Redis cut for 3 s in the middle: zero failed requests, served throughout", {
    timeout: 60_000,
  }, async () => {
    const result = await runSoak({
      seconds: 10,
      cutSeconds: 3,
      connections: 100,
      warmupSeconds: 1,
      redisUrl: REDIS_URL,
      databaseUrl: DATABASE_URL,
    });
    expect(result.statusCounts).toEqual({ 200: result.total.requests });
    expect(result.total.errors).toBe(0);
    expect(result.phases.map((p) => p.phase)).toEqual(["before", "during", "after"]);
    for (const phase of result.phases) expect(phase.requests).toBeGreaterThan(0);
    // While Redis is cut, answers come from L1 and L3, and L2 fails only until its circuit opens.
    const during = result.tiers.during;
    expect(during.L2?.hit).toBe(0);
    expect(during.L3?.hit).toBeGreaterThan(0);
    expect(during.L2?.error).toBeLessThan(result.phases[1]!.requests / 10);
    expect(result.rss.readings).toBeGreaterThan(5);
  });
});
