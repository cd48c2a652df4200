import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestTally } from "../../../bench/load/request-tally.ts";

// Answers 201 JSON on /ok, 503 JSON on /busy.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const ok = req.url === "/ok";
    res.writeHead(ok ? 201 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("RequestTally", () => {
  it("gives the JSON of a 2xx answer, nothing for a non-2xx, and times both", async () => {
    const tally = new RequestTally();
    expect(await tally.post(`${base}/ok`, {}, { a: 1 }, 5_000)).toEqual({ ok: true });
    expect(await tally.post(`${base}/busy`, {}, { a: 1 }, 5_000)).toBeUndefined();
    expect(tally.samples).toHaveLength(2);
    expect(tally.statusCounts).toEqual({ "201": 1, "503": 1 });
  });

  it("counts a request with no answer as an error, not as a sample", async () => {
    const tally = new RequestTally();
    expect(await tally.post("http://127.0.0.1:1/", {}, {}, 2_000)).toBeUndefined();
    expect(tally.errors).toBe(1);
    expect(tally.samples).toHaveLength(0);
    expect(tally.row(1, 100).errorRate).toBe(1);
  });

  it("folds non-2xx, no-answers and misrouted conversations into the error rate", async () => {
    const tally = new RequestTally();
    for (const path of ["/ok", "/ok", "/ok", "/busy"]) await tally.post(`${base}${path}`, {}, {}, 5_000);
    tally.fail();
    tally.misroute();
    const row = tally.row(4, 2_000);
    expect(row).toMatchObject({ users: 4, requests: 4, non2xx: 1, errors: 1, throughputRps: 2 });
    // (1 non-2xx + 1 no-answer + 1 misrouted) / (4 answered + 1 no-answer)
    expect(row.errorRate).toBeCloseTo(3 / 5, 12);
    expect(row.latency?.count).toBe(4);
  });
});
