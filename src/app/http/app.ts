import express, { type Express, type Router } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { RateLimiter } from "../../ports/rate-limiter.ts";
import type { Probe } from "../readiness.ts";
import type { ApiKeyRegistry } from "./api-keys.ts";
import type { ServiceMetrics } from "./metrics.ts";
import { accessLog } from "./middleware/access-log.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { errorHandler, notFound } from "./middleware/error-handler.ts";
import { rateLimit } from "./middleware/rate-limit.ts";
import { requestId } from "./middleware/request-id.ts";
import { openApiDocument } from "./openapi.ts";
import { probeRoutes } from "./routes/probes.ts";

export interface HttpDeps {
  logger: Logger;
  keys: ApiKeyRegistry;
  limiter: RateLimiter;
  metrics: ServiceMetrics;
  probes: readonly Probe[];
  /** The authenticated API (everything under /api). */
  apiRoutes: readonly Router[];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  version: string;
  now?: () => number;
}

/**
 * The Express app: request id, metrics, logging and helmet on every route; probes, metrics and the
 * OpenAPI document open; /api behind API-key auth and a per-key rate limit; errors as problem+json.
 */
export function createHttpApp(d: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.set("etag", false);
  app.use(requestId, d.metrics.httpTimer(), accessLog(d.logger), helmet());
  app.use(probeRoutes(d.probes));
  app.get("/metrics", async (_req, res) => {
    res.type(d.metrics.registry.contentType).send(await d.metrics.registry.metrics());
  });
  const openapi = JSON.stringify(openApiDocument(d.version));
  app.get("/openapi.json", (_req, res) => {
    res.type("application/json").send(openapi);
  });
  app.use(
    "/api",
    authenticate(d.keys),
    rateLimit(d.limiter, d.rateLimitPerMinute, d.logger, d.now),
    express.json({ limit: d.bodyLimitBytes, strict: true }),
  );
  for (const r of d.apiRoutes) app.use(r);
  app.use(notFound);
  app.use(errorHandler(d.logger));
  return app;
}
