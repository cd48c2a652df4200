/**
 * Fault: Redis is lost mid-run (issue 8). A TCP proxy sits between the service's L2 and the real
 * Redis; cutting or stalling it is the outage. The promise: the L2 circuit opens after the first
 * failures, every request is still answered (from L1, L3 or the origin) without a 5xx and without
 * hanging, /ready says the cache is down but stays 200 (L2 is not required), and once Redis is back
 * the circuit closes and L2 serves hits again, without a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { REDIS_URL, skipUnless } from "../support/services.ts";
import { TcpProxy } from "../support/tcp-proxy.ts";
import { qualifyBody, type ServedHarness, startServedHarness } from "./served-harness.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

// Far above a healthy answer (a few ms) and the Redis command timeout (250 ms), far below a hang.
const NO_HANG_MS = 2_000;
// L1 holds 4 entries, so most warm leads are read from L2 (or L3 while L2 is down), not L1.
const L1_MAX_ENTRIES = 4;
const WARM_LEADS = 12;

interface QualifyAnswer {
  cache: string;
  degraded: string[];
  model: string;
  qualification: { intent: string };
}
interface ReadyAnswer {
  status: string;
  checks: Array<{ name: string; status: string; required: boolean }>;
}

// Buyers and sellers alternate, so an answer served for the wrong key (a desynchronised connection) shows.
const leadText = (i: number, run: string) =>
  i % 2 === 0
    ? `Looking to buy a 3 bed in Austin around 500k within 3 months, lead ${i} of ${run}`
    : `Thinking about selling my condo in Denver, it needs work, hoping for 450k, lead ${i} of ${run}`;
const intentOf = (i: number) => (i % 2 === 0 ? "buy" : "sell");

describe.skipIf(skip)("fault: Redis lost mid-run", () => {
  let proxy: TcpProxy;
  let served: ServedHarness;
  const run = `r${Date.now().toString(36)}`;

  beforeAll(async () => {
    proxy = await TcpProxy.forUrl(REDIS_URL, 6379);
    served = await startServedHarness({
      REDIS_URL: proxy.urlFor(REDIS_URL),
      L1_MAX_ENTRIES: String(L1_MAX_ENTRIES),
    });
    // Warm every tier: each lead is computed once and written to L1, L2 and L3.
    for (let i = 0; i < WARM_LEADS; i++) {
      const res = await served.post<QualifyAnswer>("/api/leads/qualify", qualifyBody(leadText(i, run)));
      expect(res.status).toBe(200);
    }
  });
  afterEach(async () => proxy?.restore());
  afterAll(async () => {
    await served?.close();
    await proxy?.close();
  });

  const l2Breaker = () => served.harness.service.cache.breakerStates().find((b) => b.tier === "L2");
  const l2Stats = () => served.harness.service.cache.stats().tiers.find((t) => t.name === "L2")!;

  it("serves warm leads from L2 while Redis is healthy (the baseline the outage is measured against)", async () => {
    const res = await served.post<QualifyAnswer>("/api/leads/qualify", qualifyBody(leadText(0, run)));
    expect(res.status).toBe(200);
    expect(res.body.cache).toBe("L2");
    expect(l2Breaker()?.state).toBe("closed");
  });

  it("Redis cut: the L2 circuit opens after the first failures and every request is answered from L1 / L3 / origin, no 5xx, none hanging", async () => {
    await proxy.cut();
    const errorsBefore = l2Stats().errors + l2Stats().timeouts;
    const answers: Array<{ status: number; cache: string; ms: number; intent: string; expected: string }> =
      [];
    // Warm leads (L1 or L3 now), a repeat (L1), and new leads (origin), interleaved.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < WARM_LEADS; i++) {
        const res = await served.post<QualifyAnswer>("/api/leads/qualify", qualifyBody(leadText(i, run)));
        const intent = res.body.qualification.intent;
        answers.push({
          status: res.status,
          cache: res.body.cache,
          ms: res.ms,
          intent,
          expected: intentOf(i),
        });
      }
      const fresh = await served.post<QualifyAnswer>(
        "/api/leads/qualify",
        qualifyBody(leadText(1_000 + round, run)),
      );
      const intent = fresh.body.qualification.intent;
      answers.push({
        status: fresh.status,
        cache: fresh.body.cache,
        ms: fresh.ms,
        intent,
        expected: intentOf(round),
      });
    }

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.ms >= NO_HANG_MS)).toEqual([]);
    expect(answers.filter((a) => a.intent !== a.expected)).toEqual([]);
    const sources = new Set(answers.map((a) => a.cache));
    expect([...sources].filter((s) => !["L1", "L3", "origin"].includes(s))).toEqual([]);
    expect(sources.has("L3")).toBe(true);
    expect(sources.has("origin")).toBe(true);
    // The breaker opened on the first failures: L2 was then skipped, not called for every request.
    expect(l2Breaker()?.state).not.toBe("closed");
    const failed = l2Stats().errors + l2Stats().timeouts - errorsBefore;
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(failed).toBeLessThan(answers.length);
    expect(l2Stats().skipped).toBeGreaterThan(0);
  });

  it("Redis cut: /ready reports cache-l2 down and stays 200, because L2 is not required", async () => {
    await proxy.cut();
    const res = await served.get<ReadyAnswer>("/ready");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ready");
    expect(res.body.checks.find((c) => c.name === "cache-l2")).toMatchObject({
      status: "down",
      required: false,
    });
    expect(res.body.checks.find((c) => c.name === "database")).toMatchObject({ status: "up" });
  });

  it("Redis restored: the L2 circuit closes again and L2 serves hits, without a restart", {
    timeout: 30_000,
  }, async () => {
    await proxy.restore();
    let i = 0;
    // The circuit lets one trial through after its cooldown (5 s); keep asking until L2 answers.
    await vi.waitFor(
      async () => {
        const res = await served.post<QualifyAnswer>(
          "/api/leads/qualify",
          qualifyBody(leadText(i++ % WARM_LEADS, run)),
        );
        expect(res.status).toBe(200);
        expect(res.body.cache).toBe("L2");
      },
      { timeout: 20_000, interval: 250 },
    );
    expect(l2Breaker()?.state).toBe("closed");
    const ready = await served.get<ReadyAnswer>("/ready");
    expect(ready.body.checks.find((c) => c.name === "cache-l2")?.status).toBe("up");
  });
  it("Redis stalled on an open connection: each request answers within the command timeout, the circuit opens, and after the stall every L2 hit is the right lead's", {
    timeout: 30_000,
  }, async () => {
    expect(l2Breaker()?.state).toBe("closed");
    await proxy.stall();
    const answers = [];
    for (let i = 0; i < 8; i++) {
      const res = await served.post<QualifyAnswer>("/api/leads/qualify", qualifyBody(leadText(i, run)));
      answers.push({
        status: res.status,
        cache: res.body.cache,
        ms: res.ms,
        intent: res.body.qualification.intent,
      });
    }
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.ms >= NO_HANG_MS)).toEqual([]);
    expect(answers.filter((a) => a.cache === "L2")).toEqual([]);
    expect(answers.map((a) => a.intent)).toEqual(answers.map((_, i) => intentOf(i)));
    expect(l2Breaker()?.state).not.toBe("closed");

    // The held bytes flow on: the replies to the timed-out commands must not be paired with later ones.
    await proxy.restore();
    let next = 0;
    await vi.waitFor(
      async () => {
        const res = await served.post<QualifyAnswer>(
          "/api/leads/qualify",
          qualifyBody(leadText(next++ % WARM_LEADS, run)),
        );
        expect(res.body.cache).toBe("L2");
      },
      { timeout: 20_000, interval: 250 },
    );
    for (let i = 0; i < WARM_LEADS; i++) {
      const res = await served.post<QualifyAnswer>("/api/leads/qualify", qualifyBody(leadText(i, run)));
      expect(res.status).toBe(200);
      expect(res.body.qualification.intent).toBe(intentOf(i));
    }
  });
});
