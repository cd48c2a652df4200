import { Router } from "express";
import { buildCostReport } from "../../../domain/cost-report.ts";
import type { CostLedger } from "../../../ports/cost-ledger.ts";

/** GET /api/costs: the tenant's ledger by operation and model, with the monthly projection. */
export function costRoutes(ledger: CostLedger, priceProfile: string): Router {
  const r = Router();
  r.get("/api/costs", async (_req, res) => {
    const rows = await ledger.summary(res.locals.tenant as string);
    res.json({ priceProfile, ...buildCostReport(rows) });
  });
  return r;
}
