/**
 * EnterpriseHub under load, started as a user would start it: `src/app/main.ts` as a child process (or
 * several, the workers of one service sharing Redis and PostgreSQL) with the environment of a
 * composition plan (composition-plan.ts). Stopping it also removes the run's data.
 */
import {
  type CompositionPlan,
  cleanUp,
  describePlan,
  enterpriseHubEnv,
  type FakeLlm,
  LOAD_API_KEY,
} from "./composition-plan.ts";
import { startEnterpriseHub } from "./peers/health-peers.ts";

/** A running EnterpriseHub: one process, or several workers sharing Redis and PostgreSQL. */
export interface ServiceUnderLoad {
  /** The first worker's base URL. */
  readonly url: string;
  /** Every worker's base URL (one per process). */
  readonly urls: readonly string[];
  /** The first worker's pid. */
  readonly pid: number;
  readonly pids: readonly number[];
  /** Authorization and content type for /api requests. */
  readonly headers: Readonly<Record<string, string>>;
  /** What it runs on, for the report, e.g. "Redis L2 + PostgreSQL (schema load_…)". */
  readonly composition: string;
  /** Stops the process, then removes the run's schema, keys and data folder. */
  stop(): Promise<void>;
}

/** Thrown when `workers` cannot share what the plan runs on (`code` is stable). */
export class WorkersNeedDatabaseError extends Error {
  readonly code = "workers_need_database";
  constructor() {
    super("several workers must share a PostgreSQL server: PGlite belongs to one process (set DATABASE_URL)");
    this.name = "WorkersNeedDatabaseError";
  }
}

/**
 * Starts EnterpriseHub for `plan`: `workers` processes with the same configuration (one after the other,
 * so the first applies the migrations). On failure, stops what started and cleans up the plan.
 */
export async function launchEnterpriseHub(
  plan: CompositionPlan,
  llm: FakeLlm,
  workers = 1,
): Promise<ServiceUnderLoad> {
  if (!Number.isSafeInteger(workers) || workers < 1)
    throw new TypeError(`workers must be >= 1, got ${workers}`);
  if (workers > 1 && !plan.databaseUrl) throw new WorkersNeedDatabaseError();
  const servers: Awaited<ReturnType<typeof startEnterpriseHub>>[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await cleanUp(plan);
  };
  try {
    for (let i = 0; i < workers; i++) servers.push(await startEnterpriseHub(enterpriseHubEnv(plan, llm)));
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
  return {
    url: servers[0]!.url,
    urls: servers.map((s) => s.url),
    pid: servers[0]!.pid,
    pids: servers.map((s) => s.pid),
    headers: { authorization: `Bearer ${LOAD_API_KEY}`, "content-type": "application/json" },
    composition: `${describePlan(plan)}${workers > 1 ? `; ${workers} worker processes` : ""}`,
    stop: stopAll,
  };
}
