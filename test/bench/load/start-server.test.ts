import { describe, expect, it } from "vitest";
import { startExpressPeer, startNodeHttpPeer } from "../../../bench/load/peers/health-peers.ts";
import { parseListeningLine } from "../../../bench/load/peers/listening-line.ts";
import { startServer } from "../../../bench/load/peers/start-server.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startServer", () => {
  it.each([
    ["node:http", startNodeHttpPeer],
    ["Express 5", startExpressPeer],
  ])("starts the %s peer on a loopback port, which answers /health, and stops it", async (_name, start) => {
    const server = await start();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(alive(server.pid)).toBe(true);
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ status: "ok" });
      expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    } finally {
      await server.stop();
    }
    expect(alive(server.pid)).toBe(false);
    await server.stop(); // a second stop is harmless
  });

  it("ignores other stdout lines before the start-up line", async () => {
    const script = `
      const http = require("node:http");
      console.log("booting");
      console.log(JSON.stringify({ level: 30, msg: "pino-like log", url: "http://10.0.0.1/" }));
      const s = http.createServer((q, r) => r.end("ok")).listen(0, "127.0.0.1", () =>
        console.log(JSON.stringify({ event: "listening", url: "http://127.0.0.1:" + s.address().port })));
      process.once("SIGTERM", () => s.close());`;
    const server = await startServer(process.execPath, ["-e", script]);
    try {
      expect(await (await fetch(server.url)).text()).toBe("ok");
    } finally {
      await server.stop();
    }
  });

  it("fails with exited_early, and the child's stderr, when it exits before listening", async () => {
    const start = startServer(process.execPath, ["-e", "console.error('no database'); process.exit(3)"]);
    await expect(start).rejects.toMatchObject({ code: "exited_early" });
    await expect(start).rejects.toThrow(/no database/);
  });

  it("fails with start_timeout and kills a child that never announces itself", async () => {
    const script = "console.error('pid=' + process.pid); setInterval(() => {}, 1000)";
    const error = await startServer(process.execPath, ["-e", script], {}, { startTimeoutMs: 500 }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: "start_timeout" });
    const pid = Number(/pid=(\d+)/.exec(String(error.message))?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    const script = `
      const s = require("node:http").createServer().listen(0, "127.0.0.1", () =>
        console.log(JSON.stringify({ event: "listening", url: "http://127.0.0.1:" + s.address().port })));
      process.on("SIGTERM", () => {});`;
    const server = await startServer(process.execPath, ["-e", script], {}, { stopTimeoutMs: 200 });
    await server.stop();
    expect(alive(server.pid)).toBe(false);
  });

  it("passes its environment to the child", async () => {
    const script = `
      const s = require("node:http").createServer((q, r) => r.end(process.env.BENCH_MARK)).listen(0, "127.0.0.1", () =>
        console.log(JSON.stringify({ event: "listening", url: "http://127.0.0.1:" + s.address().port })));
      process.once("SIGTERM", () => s.close());`;
    const server = await startServer(process.execPath, ["-e", script], { BENCH_MARK: "xyz" });
    try {
      expect(await (await fetch(server.url)).text()).toBe("xyz");
    } finally {
      await server.stop();
    }
  });
});

describe("the start-up line", () => {
  it("is recognised only as a JSON object with event listening and a string url", () => {
    expect(parseListeningLine('{"event":"listening","url":"http://127.0.0.1:5"}')).toBe("http://127.0.0.1:5");
    expect(parseListeningLine('{"event":"ready","url":"http://127.0.0.1:5"}')).toBeUndefined();
    expect(parseListeningLine('{"event":"listening","url":5}')).toBeUndefined();
    expect(parseListeningLine("listening on 5")).toBeUndefined();
    expect(parseListeningLine("{not json")).toBeUndefined();
    expect(parseListeningLine("null")).toBeUndefined();
  });
});
