import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Gives every request a server-minted id (a UUID) and echoes it in X-Request-Id. Leads, conversations,
 * ledger entries and privacy records are keyed by it, so a caller must never choose it: a repeated or
 * another tenant's id would overwrite a lead or drop a billed entry. A safe caller X-Request-Id is kept
 * as res.locals.callerRequestId, for correlating logs only.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.get("x-request-id");
  if (given && SAFE_ID.test(given)) res.locals.callerRequestId = given;
  const id = randomUUID();
  res.locals.requestId = id;
  res.setHeader("X-Request-Id", id);
  next();
}
