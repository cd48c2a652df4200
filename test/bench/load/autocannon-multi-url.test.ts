import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad } from "../../../bench/load/autocannon-run.ts";

// Two instances of one tiny app, each counting the requests it is sent.
const servers: Server[] = [];
const hits = [0, 0];
const urls: string[] = [];

beforeAll(async () => {
  for (const i of [0, 1]) {
    const server = createServer((_req, res) => {
      hits[i]!++;
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
  }
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe("runLoad on several instances", () => {
  it("spreads the connections over every URL and counts all their responses", async () => {
    const result = await runLoad({ url: urls, connections: 4, amount: 200, durationSec: 10 });
    expect(result.requests).toBe(200);
    expect(hits[0]! + hits[1]!).toBe(200);
    expect(hits[0]).toBeGreaterThan(0);
    expect(hits[1]).toBeGreaterThan(0);
  });

  it("refuses a run with no URL, and checks every URL is loopback before sending", async () => {
    await expect(runLoad({ url: [], connections: 1, amount: 1 })).rejects.toThrow(TypeError);
    await expect(
      runLoad({ url: [urls[0]!, "http://example.com/"], connections: 2, amount: 2 }),
    ).rejects.toMatchObject({ code: "non_loopback_target" });
  });
});
