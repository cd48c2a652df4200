import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import type { RateLimiter } from "../../../ports/rate-limiter.ts";
import { HttpProblem } from "../problem.ts";

/**
 * Per-API-key request budget. When the limiter itself fails (Redis down) the request is let through
 * and the failure logged: a broken limiter degrades protection, it does not take the API down.
 */
export function rateLimit(
  limiter: RateLimiter,
  perMinute: number,
  logger: Logger,
  now: () => number = Date.now,
) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const d = await limiter.take(String(res.locals.keyId), perMinute, 60_000, now());
      res.setHeader("RateLimit-Limit", String(d.limit));
      res.setHeader("RateLimit-Remaining", String(d.remaining));
      if (!d.allowed) {
        const seconds = String(Math.max(1, Math.ceil(d.retryAfterMs / 1000)));
        next(
          new HttpProblem(429, "Too many requests", `limit is ${perMinute} requests per minute per API key`, {
            headers: { "Retry-After": seconds },
          }),
        );
        return;
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "rate limiter unavailable; request allowed");
    }
    next();
  };
}
