import type { NextFunction, Request, Response } from "express";
import { ApiKeyRegistry } from "../api-keys.ts";
import { HttpProblem } from "../problem.ts";

/** Requires `Authorization: Bearer <key>`; sets res.locals.tenant and res.locals.keyId, else 401. */
export function authenticate(keys: ApiKeyRegistry) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get("authorization") ?? "";
    const m = /^Bearer\s+(\S{1,512})$/i.exec(header);
    const tenant = m?.[1] ? await keys.tenantOf(m[1]) : undefined;
    if (!m?.[1] || !tenant) {
      const detail = m ? "the API key is not valid" : "send Authorization: Bearer <api key>";
      next(
        new HttpProblem(401, "Unauthorized", detail, {
          headers: { "WWW-Authenticate": 'Bearer realm="enterprisehub"' },
        }),
      );
      return;
    }
    res.locals.tenant = tenant;
    res.locals.keyId = ApiKeyRegistry.fingerprint(m[1]);
    next();
  };
}
