import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

const QUIET = new Set(["/health", "/ready", "/metrics"]);

/** One structured log line per request, when it finishes; probes and scrapes log at debug. */
export function accessLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const line = {
        requestId: res.locals.requestId,
        callerRequestId: res.locals.callerRequestId,
        tenant: res.locals.tenant,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 100) / 100,
      };
      if (QUIET.has(req.path) && res.statusCode < 400) logger.debug(line, "request");
      else logger.info(line, "request");
    });
    next();
  };
}
