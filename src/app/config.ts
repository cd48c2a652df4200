/**
 * Every setting, read once from the environment and validated. A bad value stops start-up with a
 * message naming the variable; nothing else in the code base reads process.env.
 */
import { z } from "zod";
import { isValidTimeZone } from "../domain/compliance/local-time.ts";

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(def);
const optionalUrl = z.url().optional();
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const ApiKeys = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^[a-z0-9][a-z0-9_-]{0,62}:[A-Za-z0-9._~-]{16,}$/,
          "each entry must be tenant:key (key >= 16 chars)",
        ),
    ),
  )
  .transform((pairs) =>
    pairs.map((p) => {
      const i = p.indexOf(":");
      return { tenant: p.slice(0, i), key: p.slice(i + 1) };
    }),
  );

const Env = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().default("127.0.0.1"),
    PORT: int(3000, 0, 65535),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    EH_ADAPTERS: z.enum(["auto", "simulated"]).default("auto"),
    SEED: int(42),
    DATA_DIR: z.string().default("./data"),
    REDIS_URL: optionalUrl,
    /** Namespace of every Redis key (default eh:<NODE_ENV>:), so environments and test runs never collide. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/)
      .optional(),
    REDIS_COMMAND_TIMEOUT_MS: int(250, 10, 60_000),
    DATABASE_URL: optionalUrl,
    /** PostgreSQL schema to work in (created if missing); default: the server's search_path. */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case SQL identifier")
      .optional(),
    DATABASE_TIMEOUT_MS: int(2_000, 50, 120_000),
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_BASE_URL: optionalUrl,
    ANTHROPIC_TIMEOUT_MS: int(30_000, 100, 600_000),
    LLM_TOTAL_BUDGET_MS: int(45_000, 100, 600_000),
    GHL_TOKEN: z.string().min(1).optional(),
    GHL_BASE_URL: z.url().default("https://services.leadconnectorhq.com"),
    GHL_LOCATION_ID: z.string().min(1).optional(),
    /** The CRM outbox's sender: requests per window to one location (GoHighLevel: 100 per 10 s). */
    CRM_RATE_LIMIT: int(100, 1, 10_000),
    CRM_RATE_WINDOW_MS: int(10_000, 10, 3_600_000),
    /** Contacts claimed per pass, and how long a claim holds before another instance may take it over. */
    CRM_OUTBOX_BATCH_SIZE: int(10, 1, 100),
    CRM_OUTBOX_LEASE_MS: int(60_000, 100, 3_600_000),
    /** How often an idle sender looks for work (other instances' contacts, expired leases). */
    CRM_OUTBOX_POLL_MS: int(1_000, 10, 60_000),
    /** Failed deliveries before a contact goes to the dead letters; backoff doubles from base up to max. */
    CRM_OUTBOX_MAX_ATTEMPTS: int(8, 1, 100),
    CRM_RETRY_BASE_MS: int(1_000, 1, 600_000),
    CRM_RETRY_MAX_MS: int(300_000, 1, 3_600_000),
    API_KEYS: ApiKeys.optional(),
    L1_TTL_MS: int(5 * 60_000, 1),
    L2_TTL_MS: int(60 * 60_000, 1),
    L3_TTL_MS: int(24 * 60 * 60_000, 1),
    L1_MAX_ENTRIES: int(10_000, 1),
    L1_MAX_BYTES: int(64 * 1024 * 1024, 1024),
    RATE_LIMIT_PER_MINUTE: int(600, 1),
    BODY_LIMIT_BYTES: int(256 * 1024, 1024, 50 * 1024 * 1024),
    PRICE_PROFILE: z.enum(["list-2026", "report-2026-02"]).default("list-2026"),
    HANDOFF_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
    /** Quiet hours (8 am–9 pm) for a lead who gave no time zone are counted in this one. */
    DEFAULT_TIME_ZONE: z
      .string()
      .default("America/Los_Angeles")
      .refine(isValidTimeZone, "an IANA time zone such as America/Los_Angeles"),
    LICENSEE_NAME: z.string().min(1).default("EnterpriseHub Realty"),
    DRE_LICENSE: z
      .string()
      .regex(/^\d{8}$/, "must be an 8-digit California DRE license number")
      .default("01234567"),
  })
  .refine((e) => !e.GHL_TOKEN || new Set((e.API_KEYS ?? []).map((k) => k.tenant)).size <= 1, {
    // One GoHighLevel location is one team's CRM: several tenants would share (and merge) each other's contacts.
    message: "GHL_TOKEN serves one location, so API_KEYS may name only one tenant when it is set",
    path: ["API_KEYS"],
  })
  .refine((e) => !e.GHL_TOKEN || e.GHL_LOCATION_ID, {
    message: "GHL_LOCATION_ID is required when GHL_TOKEN is set",
    path: ["GHL_LOCATION_ID"],
  })
  .refine((e) => e.CRM_RETRY_MAX_MS >= e.CRM_RETRY_BASE_MS, {
    message: "CRM_RETRY_MAX_MS must be at least CRM_RETRY_BASE_MS",
    path: ["CRM_RETRY_MAX_MS"],
  });

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {
  readonly code = "invalid_config";
}

/** Validates `env` (process.env by default) into a Config, or throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, emptyAsUndefined(v)]));
  const parsed = Env.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
}
