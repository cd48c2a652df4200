import type { NextFunction, Request, Response } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { CostEntry, CostLedger, CostSummaryRow } from "../../ports/cost-ledger.ts";

export interface TierStatsSource {
  /** Per tier: hits, misses, errors. */
  tierStats(): ReadonlyArray<{ tier: string; hits: number; misses: number; errors: number }>;
  /** Per tier: its circuit breaker's state. */
  breakerStates?(): ReadonlyArray<{ tier: string; state: "closed" | "open" | "half_open" }>;
  /** Contacts waiting in the CRM outbox (undefined when there is no outbox). */
  outboxDepth?(): Promise<number | undefined>;
}

/** The service's Prometheus metrics, on a registry of its own (several apps can live in one process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #duration: Histogram<"method" | "route" | "status">;
  readonly #tokens: Counter<"model" | "kind">;
  readonly #dollars: Counter<"model" | "operation">;

  constructor(cache: TierStatsSource, opts: { defaultMetrics?: boolean } = {}) {
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.#duration = new Histogram({
      name: "eh_http_request_duration_seconds",
      help: "HTTP request duration by route",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.#tokens = new Counter({
      name: "eh_llm_tokens_total",
      help: "LLM tokens by model and kind (input, output, cache_write, cache_read)",
      labelNames: ["model", "kind"],
      registers: [this.registry],
    });
    this.#dollars = new Counter({
      name: "eh_llm_cost_dollars_total",
      help: "LLM cost in US dollars by model and operation",
      labelNames: ["model", "operation"],
      registers: [this.registry],
    });
    const lookups = new Gauge({
      name: "eh_cache_lookups",
      help: "Cache lookups per tier by outcome (hit, miss, error) since start",
      labelNames: ["tier", "outcome"],
      registers: [this.registry],
      collect() {
        for (const t of cache.tierStats()) {
          this.set({ tier: t.tier, outcome: "hit" }, t.hits);
          this.set({ tier: t.tier, outcome: "miss" }, t.misses);
          this.set({ tier: t.tier, outcome: "error" }, t.errors);
        }
      },
    });
    void lookups;
    const breakers = new Gauge({
      name: "eh_cache_breaker_open",
      help: "1 while a cache tier's circuit breaker is open (or half open), else 0",
      labelNames: ["tier"],
      registers: [this.registry],
      collect() {
        for (const b of cache.breakerStates?.() ?? [])
          this.set({ tier: b.tier }, b.state === "closed" ? 0 : 1);
      },
    });
    void breakers;
    const outbox = new Gauge({
      name: "eh_crm_outbox_pending",
      help: "Contacts waiting in the CRM outbox (0 without one)",
      registers: [this.registry],
      async collect() {
        // A database outage must not break the scrape: the gauge then keeps its last value.
        const n = await cache.outboxDepth?.().catch(() => undefined);
        if (n !== undefined) this.set(n);
      },
    });
    void outbox;
  }

  /** Middleware timing every request under its route pattern (never the raw path: bounded label values). */
  httpTimer() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.#duration.startTimer({ method: req.method });
      res.on("finish", () => {
        // Only route patterns become labels: a raw path would let anyone create unbounded series.
        const route = (req.route?.path as string | undefined) ?? "unmatched";
        end({ route: `${req.baseUrl}${route}`, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** A CostLedger that also counts tokens and dollars into these metrics. */
  meter(ledger: CostLedger): CostLedger {
    return {
      record: async (e: CostEntry) => {
        await ledger.record(e);
        const model = e.model ?? "none";
        this.#tokens.inc({ model, kind: "input" }, e.inputTokens);
        this.#tokens.inc({ model, kind: "output" }, e.outputTokens);
        this.#tokens.inc({ model, kind: "cache_write" }, e.cacheWriteTokens);
        this.#tokens.inc({ model, kind: "cache_read" }, e.cacheReadTokens);
        this.#dollars.inc({ model, operation: e.operation }, e.llmMicros / 1e6);
      },
      summary: (tenant: string): Promise<CostSummaryRow[]> => ledger.summary(tenant),
    };
  }
}
