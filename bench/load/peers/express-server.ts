/**
 * Peer: a bare Express 5 app answering {"status":"ok"} on /health, with Express's defaults (no
 * middleware added): the floor any Express service's /health stands on. Run as a child process
 * (`node --import tsx bench/load/peers/express-server.ts`, PORT=0); prints the start-up line of
 * listening-line.ts; SIGTERM closes it.
 */
import express from "express";
import { announceListening } from "./listening-line.ts";

const app = express();
app.get("/health", (_req, res) => {
  res.json({ status: "ok" });
});

const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => announceListening(server));
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
});
