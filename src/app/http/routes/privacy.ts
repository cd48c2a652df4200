import { Router } from "express";
import { z } from "zod";
import type { ContactPrivacy } from "../../../domain/contact-privacy.ts";
import { validate } from "../validate.ts";

const Id = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "an id");

/** CCPA: export everything held about a contact, or erase them from every store and cache tier. */
export function privacyRoutes(privacy: ContactPrivacy): Router {
  const r = Router();
  r.get("/api/contacts/:id/export", async (req, res) => {
    const id = validate(Id, req.params.id, "path.id");
    res.json(await privacy.export(res.locals.tenant as string, id, res.locals.requestId as string));
  });
  r.delete("/api/contacts/:id", async (req, res) => {
    const id = validate(Id, req.params.id, "path.id");
    const erased = await privacy.erase(res.locals.tenant as string, id, res.locals.requestId as string);
    res.json({ requestId: res.locals.requestId, erased });
  });
  return r;
}
