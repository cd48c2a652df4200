/** The fault proxy itself: cut refuses, stall holds bytes (never drops them), slow keeps order, restore heals. */
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TcpProxy } from "../support/tcp-proxy.ts";

let echo: Server;
let proxy: TcpProxy;
const clients: Socket[] = [];

beforeEach(async () => {
  echo = createServer((s) => s.pipe(s));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  proxy = await TcpProxy.start("127.0.0.1", (echo.address() as AddressInfo).port);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await proxy.close();
  await new Promise((resolve) => echo.close(resolve));
});

/** A connected client through the proxy and everything it has received so far. */
async function client(): Promise<{ socket: Socket; received: () => string }> {
  const socket = connect(proxy.port, "127.0.0.1");
  clients.push(socket);
  let text = "";
  socket.on("data", (chunk) => {
    text += chunk.toString();
  });
  socket.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  return { socket, received: () => text };
}

const refused = () =>
  new Promise<string>((resolve) => {
    const s = connect(proxy.port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve("connected");
    });
    s.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
  });

describe("TcpProxy", () => {
  it("forwards both ways while passing", async () => {
    const c = await client();
    c.socket.write("ping");
    await vi.waitFor(() => expect(c.received()).toBe("ping"));
    expect(proxy.mode).toBe("pass");
    expect(proxy.urlFor("redis://:secret@10.0.0.5:6379/2")).toBe(`redis://:secret@127.0.0.1:${proxy.port}/2`);
  });

  it("cut: open connections are closed and new ones refused; restore accepts again on the same port", async () => {
    const c = await client();
    const closed = new Promise((resolve) => c.socket.once("close", resolve));
    const port = proxy.port;
    await proxy.cut();
    await closed;
    expect(await refused()).toBe("ECONNREFUSED");
    await proxy.restore();
    expect(proxy.port).toBe(port);
    const again = await client();
    again.socket.write("back");
    await vi.waitFor(() => expect(again.received()).toBe("back"));
  });

  it("stall: nothing is forwarded, and the held bytes arrive whole and in order on restore", async () => {
    const c = await client();
    await proxy.stall();
    c.socket.write("one,");
    c.socket.write("two");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.received()).toBe("");
    await proxy.restore();
    await vi.waitFor(() => expect(c.received()).toBe("one,two"));
  });

  it("slow: chunks arrive later but in the order they were sent", async () => {
    const c = await client();
    await proxy.slow(30);
    for (const part of ["a", "b", "c", "d"]) c.socket.write(part);
    await vi.waitFor(() => expect(c.received()).toBe("abcd"));
    expect(proxy.connectionCount).toBe(1);
  });
});
