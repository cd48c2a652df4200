/**
 * Peer: the cheapest possible /health, a bare node:http server answering {"status":"ok"}. Run as a
 * child process (`node --import tsx bench/load/peers/node-http-server.ts`, PORT=0); prints the
 * start-up line of listening-line.ts; SIGTERM closes it.
 */
import { createServer } from "node:http";
import { announceListening } from "./listening-line.ts";

const HEALTH = JSON.stringify({ status: "ok" });
const NOT_FOUND = JSON.stringify({ status: "not_found" });

const server = createServer((req, res) => {
  const found = req.method === "GET" && req.url === "/health";
  const body = found ? HEALTH : NOT_FOUND;
  res
    .writeHead(found ? 200 : 404, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    })
    .end(body);
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => announceListening(server));
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
});
