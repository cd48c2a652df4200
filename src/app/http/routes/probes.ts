import { Router } from "express";
import { checkReadiness, type Probe } from "../../readiness.ts";

/** GET /health (liveness, no I/O) and GET /ready (each dependency's status and latency; 503 when a required one is down). */
export function probeRoutes(probes: readonly Probe[]): Router {
  const r = Router();
  const body = JSON.stringify({ status: "ok" });
  r.get("/health", (_req, res) => {
    res.type("application/json").send(body);
  });
  r.get("/ready", async (_req, res) => {
    const { ready, checks } = await checkReadiness(probes);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unready", checks });
  });
  return r;
}
