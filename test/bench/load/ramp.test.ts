import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadResult } from "../../../bench/load/autocannon-run.ts";
import { QUICK_STEP, rampLimits, runRamp, runRampComparison, toRampRow } from "../../../bench/load/ramp.ts";

const servers: Server[] = [];
const hits: Record<string, number> = {};

async function serve(name: string): Promise<string> {
  const server = createServer((_req, res) => {
    hits[name] = (hits[name] ?? 0) + 1;
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
}

let urlA = "";
let urlB = "";
beforeAll(async () => {
  urlA = await serve("a");
  urlB = await serve("b");
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe("runRamp", () => {
  it("gives one row per step with the step's users and its requests", async () => {
    const rows = await runRamp({ url: urlA }, [1, 3], { amount: 30, maxSec: 5 }, { warmup: null });
    expect(rows.map((r) => r.users)).toEqual([1, 3]);
    expect(rows.map((r) => r.requests)).toEqual([30, 30]);
    expect(rows.every((r) => r.errorRate === 0 && r.latency !== null && r.throughputRps > 0)).toBe(true);
  });

  it("sends at least one request per connection when the step's amount is smaller", async () => {
    const [row] = await runRamp({ url: urlA }, [8], { amount: 2, maxSec: 5 }, { warmup: null });
    expect(row?.requests).toBe(8);
  });

  it("uses smaller per-step limits for --quick", () => {
    expect(rampLimits(true)).toBe(QUICK_STEP);
    expect(rampLimits(true).amount).toBeLessThan(rampLimits(false).amount);
    expect(rampLimits(true).maxSec).toBeLessThanOrEqual(rampLimits(false).maxSec);
  });
});

describe("runRampComparison", () => {
  it("interleaves targets step by step, rotating who goes first, and warms each up unreported", async () => {
    const order: string[] = [];
    const before = { a: hits.a ?? 0, b: hits.b ?? 0 };
    const rows = await runRampComparison(
      { a: { url: urlA }, b: { url: urlB } },
      [1, 2, 3],
      { amount: 10, maxSec: 5 },
      {
        warmup: { amount: 5, maxSec: 5 },
        onStep: (target, row) => order.push(`${target}${row.users}`),
      },
    );
    expect(order).toEqual(["a1", "b1", "b2", "a2", "a3", "b3"]);
    expect(rows.a?.map((r) => r.requests)).toEqual([10, 10, 10]);
    expect(rows.b?.map((r) => r.requests)).toEqual([10, 10, 10]);
    expect((hits.a ?? 0) - before.a).toBe(35);
    expect((hits.b ?? 0) - before.b).toBe(35);
  });

  it("refuses a ramp with no steps", async () => {
    await expect(runRampComparison({ a: { url: urlA } }, [], { amount: 1, maxSec: 1 })).rejects.toThrow(
      TypeError,
    );
  });
});

describe("toRampRow", () => {
  const result = (requests: number, non2xx: number, errors: number): LoadResult => ({
    requests,
    throughputRps: requests,
    latency: null,
    errors,
    timeouts: 0,
    non2xx,
    statusCounts: {},
    durationMs: 1_000,
    stoppedBy: "amount",
  });

  it("property: the error rate is (non-2xx + connection errors) / (responses + connection errors), within [0, 1]", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(1_000), (requests, non2xxRaw, errors) => {
        const non2xx = Math.min(non2xxRaw, requests);
        const row = toRampRow(10, result(requests, non2xx, errors));
        expect(row.errorRate).toBeGreaterThanOrEqual(0);
        expect(row.errorRate).toBeLessThanOrEqual(1);
        if (requests + errors > 0)
          expect(row.errorRate).toBeCloseTo((non2xx + errors) / (requests + errors), 12);
      }),
      { numRuns: 200 },
    );
  });

  it("counts a step where nothing was attempted as a total failure", () => {
    expect(toRampRow(10, result(0, 0, 0)).errorRate).toBe(1);
  });
});
