import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { CircuitBreaker } from "../../../domain/circuit-breaker.ts";
import type { RateLimiter } from "../../../ports/rate-limiter.ts";
import { HttpProblem } from "../problem.ts";

/**
 * Per-API-key request budget. When the limiter itself fails (Redis down) the request is let through
 * and the failure logged: a broken limiter degrades protection, it does not take the API down. A circuit
 * breaker stops asking a failing limiter, so a stalled Redis does not add its timeout to every request.
 */
export function rateLimit(
  limiter: RateLimiter,
  perMinute: number,
  logger: Logger,
  now: () => number = Date.now,
) {
  const breaker = new CircuitBreaker({ now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  let lastWarning = 0;
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const d = await breaker.run(() => limiter.take(String(res.locals.keyId), perMinute, 60_000, now()));
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
      if (now() - lastWarning > 60_000) {
        lastWarning = now();
        logger.warn({ err: (err as Error).message }, "rate limiter unavailable; requests allowed");
      }
    }
    next();
  };
}
