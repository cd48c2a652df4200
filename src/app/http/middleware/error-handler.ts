import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { HttpProblem } from "../problem.ts";

// Errors that carry a stable `code` (domain and adapters) and how they reach a client.
const BY_CODE: Record<string, () => HttpProblem> = {
  store_unavailable: () =>
    new HttpProblem(503, "Service unavailable", "the database is unreachable; try again shortly", {
      headers: { "Retry-After": "5" },
    }),
  conversation_full: () =>
    new HttpProblem(
      422,
      "Conversation full",
      "this conversation has reached its message limit; start a new one or hand the lead to an agent",
    ),
  not_found: () => new HttpProblem(404, "Not found", "no such resource for this tenant"),
  erasure_incomplete: () =>
    new HttpProblem(
      503,
      "Service unavailable",
      "a cache tier did not confirm the erasure; nothing was reported done, retry",
      {
        headers: { "Retry-After": "5" },
      },
    ),
  conversation_conflict: () =>
    new HttpProblem(
      409,
      "Conflict",
      "the conversation changed while this message was handled; send it again",
    ),
};

// body-parser's error types (express.json).
const BY_BODY_TYPE: Record<string, () => HttpProblem> = {
  "entity.too.large": () =>
    new HttpProblem(413, "Payload too large", "the request body is over the size limit"),
  "entity.parse.failed": () =>
    new HttpProblem(400, "Invalid request", "the body is not valid JSON", {
      errors: [{ field: "body", message: "malformed JSON" }],
    }),
  "encoding.unsupported": () =>
    new HttpProblem(415, "Unsupported media type", "unsupported content encoding"),
  "charset.unsupported": () => new HttpProblem(415, "Unsupported media type", "unsupported charset"),
  "request.aborted": () => new HttpProblem(400, "Invalid request", "the request was aborted"),
  "request.size.invalid": () =>
    new HttpProblem(400, "Invalid request", "the body's length does not match Content-Length"),
};

/** Turns any error into a problem+json answer; never lets a stack trace or internal message reach a client. */
export function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const e = err as { code?: unknown; type?: unknown; status?: unknown };
  if (typeof e?.type === "string" && BY_BODY_TYPE[e.type]) return BY_BODY_TYPE[e.type]!();
  if (typeof e?.code === "string" && BY_CODE[e.code]) return BY_CODE[e.code]!();
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) {
    // A 400 names what was wrong: the router's percent-decoding of the path, else the body (e.g. bad gzip).
    if (e.status !== 400) return new HttpProblem(e.status, "Invalid request");
    const field = err instanceof URIError ? "path" : "body";
    const message = field === "path" ? "malformed percent-encoding" : "unreadable body";
    return new HttpProblem(400, "Invalid request", `invalid field(s): ${field}`, {
      errors: [{ field, message }],
    });
  }
  return new HttpProblem(
    500,
    "Internal error",
    "something went wrong; the request id identifies it in the logs",
  );
}

/** Express error middleware answering application/problem+json. */
export function errorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const problem = toProblem(err);
    const requestId = res.locals.requestId as string | undefined;
    if (problem.status >= 500) logger.error({ err, requestId }, "request failed");
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [k, v] of Object.entries(problem.headers)) res.setHeader(k, v);
    res
      .status(problem.status)
      .type("application/problem+json")
      .send(JSON.stringify(problem.body(requestId)));
  };
}

/** 404 for every route nobody serves. */
export function notFound(req: Request, _res: Response, next: NextFunction): void {
  next(new HttpProblem(404, "Not found", `no route for ${req.method} ${req.path}`));
}
