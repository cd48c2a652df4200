import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad } from "../../../bench/load/autocannon-run.ts";
import { assertLoopbackUrl, NonLoopbackTargetError } from "../../../bench/load/loopback-url.ts";

// A tiny server that counts what it is sent: /fail answers 503, everything else 200 JSON.
const seen: { path: string; method: string; body: string }[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      seen.push({ path: req.url ?? "", method: req.method ?? "", body });
      const status = req.url === "/fail" ? 503 : 200;
      res.writeHead(status, { "content-type": "application/json" }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("runLoad", () => {
  it("sends exactly `amount` requests and counts every response by status", async () => {
    seen.length = 0;
    const result = await runLoad({ url: `${base}/health`, connections: 4, amount: 200, durationSec: 10 });
    expect(result.requests).toBe(200);
    expect(seen).toHaveLength(200);
    expect(seen.every((r) => r.path === "/health" && r.method === "GET")).toBe(true);
    expect(result.statusCounts).toEqual({ "200": 200 });
    expect(result.non2xx).toBe(0);
    expect(result.errors).toBe(0);
    expect(result.stoppedBy).toBe("amount");
  });

  it("reports ordered latency quantiles and a throughput consistent with its own duration", async () => {
    const result = await runLoad({ url: `${base}/health`, connections: 2, amount: 100, durationSec: 10 });
    const latency = result.latency;
    expect(latency).not.toBeNull();
    if (!latency) return;
    expect(latency.p50).toBeGreaterThan(0);
    expect(latency.p50).toBeLessThanOrEqual(latency.p95);
    expect(latency.p95).toBeLessThanOrEqual(latency.p99);
    expect(latency.p99).toBeLessThanOrEqual(latency.max);
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.throughputRps).toBeCloseTo((result.requests * 1000) / result.durationMs, 6);
  });

  it("counts non-2xx answers apart from successes", async () => {
    const result = await runLoad({
      url: `${base}/health`,
      requests: [{ path: "/health" }, { path: "/fail" }],
      connections: 2,
      amount: 40,
      durationSec: 10,
    });
    expect(result.requests).toBe(40);
    expect(result.statusCounts).toEqual({ "200": 20, "503": 20 });
    expect(result.non2xx).toBe(20);
  });

  it("sends the generated requests, bodies with a JSON content type", async () => {
    seen.length = 0;
    await runLoad({
      url: base,
      nextRequest: (i) => ({ method: "POST", path: `/lead/${i % 3}`, body: `{"n":${i}}` }),
      connections: 1,
      amount: 9,
      durationSec: 10,
    });
    expect(seen).toHaveLength(9);
    expect(new Set(seen.map((r) => r.path))).toEqual(new Set(["/lead/0", "/lead/1", "/lead/2"]));
    expect(seen.every((r) => r.method === "POST" && /^\{"n":\d+\}$/.test(r.body))).toBe(true);
  });

  it("stops at the time limit when the request limit is out of reach", async () => {
    const result = await runLoad({
      url: `${base}/health`,
      connections: 2,
      amount: 10_000_000,
      durationSec: 0.3,
    });
    expect(result.stoppedBy).toBe("time");
    expect(result.requests).toBeGreaterThan(0);
    expect(result.requests).toBeLessThan(10_000_000);
  });

  it("reports no latency and counts errors when nothing answers", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runLoad({ url, connections: 1, amount: 5, durationSec: 0.3 });
    expect(result.requests).toBe(0);
    expect(result.latency).toBeNull();
    expect(result.errors).toBeGreaterThan(0);
  });

  it.each([
    "http://example.com/health",
    "http://10.0.0.5:8080/",
    "http://127.0.0.1.nip.io/",
    "ftp://127.0.0.1/",
    "not a url",
  ])("refuses the non-loopback target %s before sending anything", async (url) => {
    seen.length = 0;
    await expect(runLoad({ url, connections: 1, amount: 1, durationSec: 1 })).rejects.toMatchObject({
      code: "non_loopback_target",
    });
    expect(seen).toHaveLength(0);
  });

  it("accepts 127.0.0.1, localhost and [::1]", () => {
    for (const url of ["http://127.0.0.1:1/", "http://localhost:1/x", "http://[::1]:1/"]) {
      expect(assertLoopbackUrl(url).port).toBe("1");
    }
    expect(() => assertLoopbackUrl("http://[::2]/")).toThrow(NonLoopbackTargetError);
  });

  it("refuses limits it cannot honour", async () => {
    await expect(runLoad({ url: base, connections: 10, amount: 5 })).rejects.toThrow(TypeError);
    await expect(runLoad({ url: base, connections: 0, amount: 5 })).rejects.toThrow(TypeError);
    await expect(runLoad({ url: base, connections: 1, amount: 5, durationSec: 0 })).rejects.toThrow(
      TypeError,
    );
    await expect(runLoad({ url: base, connections: 1, amount: 5, durationSec: 601 })).rejects.toThrow(
      TypeError,
    );
  });
});
