import { Router } from "express";
import type { ContactSync } from "../../../domain/contact-sync.ts";
import { ContactSyncRequest } from "../schemas.ts";
import { validate } from "../validate.ts";

/** POST /api/contacts/sync: a batch of up to 100 contacts, stored first, then pushed to the CRM. */
export function contactRoutes(sync: ContactSync): Router {
  const r = Router();
  r.post("/api/contacts/sync", async (req, res) => {
    const body = validate(ContactSyncRequest, req.body);
    const results = await sync.run(res.locals.tenant as string, body.contacts);
    const summary = {
      created: results.filter((x) => x.status === "created").length,
      updated: results.filter((x) => x.status === "updated").length,
      crmQueued: results.filter((x) => x.crm.status === "queued").length,
      crmFailed: results.filter((x) => x.crm.status === "failed").length,
    };
    res.json({ requestId: res.locals.requestId, summary, results });
  });
  return r;
}
