import { Router } from "express";
import type { LeadQualifier } from "../../../domain/lead-qualifier.ts";
import { QualifyRequest } from "../schemas.ts";
import { validate } from "../validate.ts";

/** POST /api/leads/qualify: the lead's messages → qualification, score, model, cache tier and cost. */
export function leadRoutes(qualifier: LeadQualifier): Router {
  const r = Router();
  r.post("/api/leads/qualify", async (req, res) => {
    const started = performance.now();
    const body = validate(QualifyRequest, req.body);
    const result = await qualifier.qualify({
      tenant: res.locals.tenant as string,
      requestId: res.locals.requestId as string,
      lead: body.lead,
      messages: body.messages.map((m) => m.text),
    });
    res.json({
      requestId: res.locals.requestId,
      ...result,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
    });
  });
  return r;
}
