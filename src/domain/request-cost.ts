import type { CostEntry, CostLedger } from "../ports/cost-ledger.ts";
import { infraCost, llmCost } from "./cost/cost-calculator.ts";
import { formatUsd } from "./cost/money.ts";
import type { PriceProfile } from "./cost/price-table.ts";
import type { ModelAttempt } from "./model-call.ts";

/** What one request cost, in micro-dollars and formatted dollars. */
export interface CostLine {
  llmMicros: number;
  infraMicros: number;
  totalMicros: number;
  llm: string;
  infra: string;
  total: string;
}

export interface CacheTierKind {
  name: string;
  kind: "memory" | "redis" | "postgres";
}

export interface RequestCostDeps {
  ledger: CostLedger;
  prices: PriceProfile;
  /** The cache tiers in read order and what each runs on. */
  tiers: readonly CacheTierKind[];
  clock: { now(): number };
}

export interface RequestCostInput {
  tenant: string;
  requestId: string;
  operation: string;
  /** Where the cached answer came from ("L1"... or "origin"); undefined when the cache was not used. */
  source?: string;
  /** Model attempts this request made; attempts with a response were billed. */
  attempts: readonly ModelAttempt[];
  /** PostgreSQL writes besides the cache (stores). */
  postgresWrites: number;
}

/** Redis operations and PostgreSQL queries a cascade did: reads down to the source, writes above it. */
export function cacheInfraUsage(tiers: readonly CacheTierKind[], source: string | undefined) {
  if (source === undefined) return { redisOps: 0, postgresQueries: 0 };
  const hit = tiers.findIndex((t) => t.name === source);
  const readUpTo = hit === -1 ? tiers.length : hit + 1;
  const writeUpTo = hit === -1 ? tiers.length : hit;
  const ops = (kind: CacheTierKind["kind"]) =>
    tiers.slice(0, readUpTo).filter((t) => t.kind === kind).length +
    tiers.slice(0, writeUpTo).filter((t) => t.kind === kind).length;
  return { redisOps: ops("redis"), postgresQueries: ops("postgres") };
}

/**
 * Prices a request and records it in the ledger, once per billed attempt: failed attempts under
 * `<operation>.failed_attempt`, the served one (with the request's infrastructure) under `<operation>`.
 * A request served from cache records one entry with no model and no LLM dollars.
 */
export async function costOfRequest(deps: RequestCostDeps, input: RequestCostInput): Promise<CostLine> {
  const cache = cacheInfraUsage(deps.tiers, input.source);
  const infraMicros = infraCost(deps.prices, {
    ...cache,
    postgresQueries: cache.postgresQueries + input.postgresWrites,
    requests: 1,
  });
  const billed = input.attempts.filter((a) => a.response !== undefined);
  const at = deps.clock.now();
  const entries: CostEntry[] = billed.map((a, i) => {
    const r = a.response!;
    const last = i === billed.length - 1;
    return {
      id: `${input.requestId}:${i}`,
      tenant: input.tenant,
      operation: last ? input.operation : `${input.operation}.failed_attempt`,
      model: r.model,
      inputTokens: r.usage.inputTokens,
      outputTokens: r.usage.outputTokens,
      cacheWriteTokens: r.usage.cacheWriteTokens,
      cacheReadTokens: r.usage.cacheReadTokens,
      llmMicros: llmCost(deps.prices, r.model, r.usage),
      infraMicros: last ? infraMicros : 0,
      at,
    };
  });
  if (entries.length === 0) {
    entries.push({
      id: `${input.requestId}:0`,
      tenant: input.tenant,
      operation: input.operation,
      inputTokens: 0,
      outputTokens: 0,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      llmMicros: 0,
      infraMicros,
      at,
    });
  }
  for (const e of entries) await deps.ledger.record(e);
  const llmMicros = entries.reduce((n, e) => n + e.llmMicros, 0);
  const totalMicros = llmMicros + infraMicros;
  return {
    llmMicros,
    infraMicros,
    totalMicros,
    llm: formatUsd(llmMicros),
    infra: formatUsd(infraMicros),
    total: formatUsd(totalMicros),
  };
}
