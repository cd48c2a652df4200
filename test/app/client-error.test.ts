import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { answerClientError } from "../../src/app/http/client-error.ts";

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let out = "";
    socket.on("data", (d) => (out += d.toString()));
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

describe("requests the HTTP parser rejects", () => {
  it("headers over the limit get 431 problem+json, a garbled request line 400 problem+json", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    server.on("clientError", answerClientError);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const big = await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 431 /);
      expect(big).toContain("application/problem+json");
      expect(JSON.parse(big.slice(big.indexOf("\r\n\r\n") + 4))).toMatchObject({ status: 431 });
      const garbled = await rawRequest(port, "NOT A REQUEST\r\n\r\n");
      expect(garbled).toMatch(/^HTTP\/1\.1 400 /);
    } finally {
      server.close();
    }
  });
});
