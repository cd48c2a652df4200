import express from "express";
import { pino } from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { rateLimit } from "../../src/app/http/middleware/rate-limit.ts";
import type { RateLimiter } from "../../src/ports/rate-limiter.ts";

function appWith(limiter: RateLimiter, now: () => number) {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.keyId = "k";
    next();
  });
  app.use(rateLimit(limiter, 10, pino({ level: "silent" }), now));
  app.get("/", (_req, res) => {
    res.send("ok");
  });
  return app;
}

describe("rate limit middleware when the limiter fails", () => {
  it("lets requests through, and stops asking a failing limiter until its cooldown has passed", async () => {
    let t = 0;
    let calls = 0;
    const failing: RateLimiter = {
      async take() {
        calls += 1;
        throw new Error("redis: command timed out");
      },
    };
    const app = appWith(failing, () => t);
    for (let i = 0; i < 10; i++) await request(app).get("/").expect(200);
    expect(calls).toBe(3); // the breaker opened after 3 failures
    t += 5_001;
    await request(app).get("/").expect(200);
    expect(calls).toBe(4); // one trial after the cooldown
  });
});
