import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CompositionPlan,
  cleanUp,
  describePlan,
  enterpriseHubEnv,
  LOAD_API_KEY,
  planComposition,
  redisPrefixOf,
  schemaOf,
} from "../../../bench/load/composition-plan.ts";
import { loadConfig } from "../../../src/app/config.ts";

const LLM = { url: "http://127.0.0.1:4010", apiKey: "fake-key-0123456789" };
const SERVERS: CompositionPlan = {
  tag: "123_abc",
  redisUrl: "redis://127.0.0.1:6379",
  databaseUrl: "postgres://postgres@127.0.0.1:5432/test",
};
const EMBEDDED: CompositionPlan = { tag: "123_abc", dataDir: "/tmp/eh-load-x" };

describe("EnterpriseHub's environment under load", () => {
  it("is a valid configuration: the service would start with it", () => {
    for (const plan of [SERVERS, EMBEDDED])
      expect(() => loadConfig(enterpriseHubEnv(plan, LLM))).not.toThrow();
  });

  it("uses the servers with a prefix and a schema of the run's own", () => {
    const config = loadConfig(enterpriseHubEnv(SERVERS, LLM));
    expect(config.REDIS_URL).toBe(SERVERS.redisUrl);
    expect(config.REDIS_PREFIX).toBe(redisPrefixOf(SERVERS));
    expect(config.DATABASE_URL).toBe(SERVERS.databaseUrl);
    expect(config.DATABASE_SCHEMA).toBe(schemaOf(SERVERS));
    expect(describePlan(SERVERS)).toMatch(/Redis L2 .* PostgreSQL \(schema load_123_abc\)/);
  });

  it("embedded: blanks any inherited server URL and keeps PGlite in the run's folder", () => {
    const env = enterpriseHubEnv(EMBEDDED, LLM);
    expect(env.REDIS_URL).toBe("");
    expect(env.DATABASE_URL).toBe("");
    const config = loadConfig({ REDIS_URL: "redis://elsewhere:6379", ...env });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe("/tmp/eh-load-x");
  });

  it("points Claude at the fake, authenticates the load key, keeps the rate limit out of reach and the CRM local", () => {
    const config = loadConfig({
      GHL_TOKEN: "real-token",
      GHL_LOCATION_ID: "loc",
      ...enterpriseHubEnv(SERVERS, LLM),
    });
    expect(config.ANTHROPIC_BASE_URL).toBe(LLM.url);
    expect(config.ANTHROPIC_API_KEY).toBe(LLM.apiKey);
    expect(config.API_KEYS).toEqual([{ tenant: "load", key: LOAD_API_KEY }]);
    expect(config.RATE_LIMIT_PER_MINUTE).toBeGreaterThanOrEqual(1_000_000);
    expect(config.GHL_TOKEN).toBeUndefined();
  });
});

describe("planComposition", () => {
  it("embedded: no servers, a fresh data folder that cleanUp removes", async () => {
    const plan = await planComposition("embedded", { REDIS_URL: "redis://127.0.0.1:6379" });
    expect(plan.redisUrl).toBeUndefined();
    expect(plan.databaseUrl).toBeUndefined();
    expect(existsSync(plan.dataDir!)).toBe(true);
    expect(plan.tag).toMatch(/^[a-z0-9_]+$/);
    await cleanUp(plan);
    expect(existsSync(plan.dataDir!)).toBe(false);
  });

  it("auto: leaves out a server whose port does not answer", async () => {
    const plan = await planComposition("auto", {
      REDIS_URL: "redis://127.0.0.1:1",
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/test",
    });
    expect(plan.redisUrl).toBeUndefined();
    expect(plan.databaseUrl).toBeUndefined();
    await cleanUp(plan);
  });
});
