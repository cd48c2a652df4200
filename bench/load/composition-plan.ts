/**
 * What EnterpriseHub runs on during a load test, decided once per run: Redis L2 and PostgreSQL L3 +
 * stores where they answer (the production composition), else the embedded defaults (PGlite in a
 * temporary folder); the Claude adapter pointed at the local fake Messages API. Every run works under
 * its own Redis prefix and PostgreSQL schema, removed by `cleanUp` when it ends.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reachable } from "../../test/support/services.ts";
import { deleteRedisPrefix, dropSchema, removeDataDir } from "../run-cleanup.ts";

/** The API key the load test authenticates with (tenant "load"). */
export const LOAD_API_KEY = "load-test-key-0123456789abcdef";
/** Where Redis and PostgreSQL are looked for when REDIS_URL / DATABASE_URL are unset (as the tests do). */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
/** See DEFAULT_REDIS_URL. */
export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** "auto": real Redis / PostgreSQL when reachable; "embedded": neither (PGlite, no L2). */
export type CompositionChoice = "auto" | "embedded";

/** The adapters one run uses, and the names it works under. */
export interface CompositionPlan {
  /** Unique to the run: lower-case letters, digits and "_". */
  readonly tag: string;
  readonly redisUrl?: string;
  readonly databaseUrl?: string;
  /** PGlite's folder, when there is no database server (removed at the end). */
  readonly dataDir?: string;
}

/** The fake Messages API the service's Claude adapter is pointed at. */
export interface FakeLlm {
  readonly url: string;
  readonly apiKey: string;
}

/** The run's Redis key prefix. */
export const redisPrefixOf = (plan: CompositionPlan): string => `eh:load:${plan.tag}:`;
/** The run's PostgreSQL schema. */
export const schemaOf = (plan: CompositionPlan): string => `load_${plan.tag}`;

/** The environment EnterpriseHub starts with for `plan` (blank values override inherited ones). */
export function enterpriseHubEnv(plan: CompositionPlan, llm: FakeLlm): Record<string, string> {
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    API_KEYS: `load:${LOAD_API_KEY}`,
    // The load is the point: the per-key limit must not shape it (a 429 here would be an error).
    RATE_LIMIT_PER_MINUTE: "1000000000",
    ANTHROPIC_API_KEY: llm.apiKey,
    ANTHROPIC_BASE_URL: llm.url,
    // Never push load-test contacts to a real CRM, whatever this shell has configured.
    GHL_TOKEN: "",
    REDIS_URL: plan.redisUrl ?? "",
    REDIS_PREFIX: redisPrefixOf(plan),
    DATABASE_URL: plan.databaseUrl ?? "",
    ...(plan.databaseUrl ? { DATABASE_SCHEMA: schemaOf(plan) } : {}),
    ...(plan.dataDir ? { DATA_DIR: plan.dataDir } : {}),
  };
}

/** One line on what `plan` runs on. */
export function describePlan(plan: CompositionPlan): string {
  const l2 = plan.redisUrl ? `Redis L2 (prefix ${redisPrefixOf(plan)})` : "no L2";
  const l3 = plan.databaseUrl ? `PostgreSQL (schema ${schemaOf(plan)})` : "embedded PGlite";
  return `L1 lru-cache + ${l2} + ${l3}; Claude adapter → fake Messages API`;
}

/** The plan for `choice`: in "auto", each server is used when its port answers within 1 s. */
export async function planComposition(
  choice: CompositionChoice,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CompositionPlan> {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const [redis, postgres] =
    choice === "auto"
      ? await Promise.all([reachable(redisUrl, 6379), reachable(databaseUrl, 5432)])
      : [false, false];
  return {
    tag,
    ...(redis ? { redisUrl } : {}),
    ...(postgres ? { databaseUrl } : { dataDir: await mkdtemp(join(tmpdir(), "eh-load-")) }),
  };
}

/** Removes the run's schema, keys and data folder (each attempted even when another fails). */
export async function cleanUp(plan: CompositionPlan): Promise<void> {
  const results = await Promise.allSettled([
    plan.databaseUrl ? dropSchema(plan.databaseUrl, schemaOf(plan)) : undefined,
    plan.redisUrl ? deleteRedisPrefix(plan.redisUrl, redisPrefixOf(plan)) : undefined,
    plan.dataDir ? removeDataDir(plan.dataDir) : undefined,
  ]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}
