/** Builds the real service (simulated, or on real Redis + PostgreSQL) for end-to-end tests, and cleans up. */
import { pino } from "pino";
import { deleteRedisPrefix, dropSchema } from "../../bench/run-cleanup.ts";
import { loadConfig } from "../../src/app/config.ts";
import { createService, type Service } from "../../src/app/service.ts";
import { DATABASE_URL, REDIS_URL, uniqueName } from "../support/services.ts";

export const KEYS = {
  acme: "acme-key-0123456789abcdef",
  beta: "beta-key-0123456789abcdef",
  flight: "flight-key-0123456789abcde",
  limited: "limited-key-0123456789abcd",
};
const API_KEYS = Object.entries(KEYS)
  .map(([tenant, key]) => `${tenant}:${key}`)
  .join(",");

export type Mode = "simulated" | "real";

export interface Harness {
  service: Service;
  close(): Promise<void>;
}

/** A service in `mode` with `env` overrides; real mode gets its own Redis prefix and PostgreSQL schema. */
export async function startHarness(mode: Mode, env: Record<string, string> = {}): Promise<Harness> {
  const prefix = `${uniqueName("e2e")}:`;
  const schema = uniqueName("e2e").toLowerCase();
  const base: Record<string, string> =
    mode === "simulated"
      ? { EH_ADAPTERS: "simulated" }
      : { REDIS_URL, DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_PREFIX: prefix };
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", API_KEYS, ...base, ...env });
  const service = await createService(config, pino({ level: "silent" }), config.API_KEYS ?? []);
  return {
    service,
    async close() {
      await service.close();
      if (mode !== "real") return;
      await dropSchema(DATABASE_URL, schema);
      await deleteRedisPrefix(REDIS_URL, prefix);
    },
  };
}

export const bearer = (tenant: keyof typeof KEYS) => `Bearer ${KEYS[tenant]}`;
