/**
 * The composition root: the only file that imports inversify and the only place that knows which
 * adapter serves which port. Three compositions:
 * - production: Redis (REDIS_URL), PostgreSQL (DATABASE_URL), Claude (ANTHROPIC_API_KEY), GoHighLevel (GHL_TOKEN);
 * - embedded defaults for whatever is not configured: L1 only, PGlite under DATA_DIR, the offline model, no CRM;
 * - simulated (EH_ADAPTERS=simulated): the deterministic twin on a virtual clock and a seeded PRNG.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { join } from "node:path";
import { Container } from "inversify";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { ClaudeLanguageModel } from "../adapters/claude/claude-language-model.ts";
import { tagsToAdd } from "../adapters/ghl/ghl-contact-body.ts";
import { GhlCrmGateway } from "../adapters/ghl/ghl-crm-gateway.ts";
import { MemoryContactStore } from "../adapters/memory/memory-contact-store.ts";
import { MemoryConversationStore } from "../adapters/memory/memory-conversation-store.ts";
import { MemoryCostLedger } from "../adapters/memory/memory-cost-ledger.ts";
import { MemoryErasureLog } from "../adapters/memory/memory-erasure-log.ts";
import { MemoryLeadStore } from "../adapters/memory/memory-lead-store.ts";
import { MemoryRateLimiter } from "../adapters/memory/memory-rate-limiter.ts";
import { OfflineLanguageModel } from "../adapters/offline/offline-language-model.ts";
import { PostgresCacheTier } from "../adapters/postgres/postgres-cache-tier.ts";
import { PostgresContactStore } from "../adapters/postgres/postgres-contact-store.ts";
import { PostgresConversationStore } from "../adapters/postgres/postgres-conversation-store.ts";
import { PostgresCostLedger } from "../adapters/postgres/postgres-cost-ledger.ts";
import { PostgresCrmOutbox, PostgresOutboxTransaction } from "../adapters/postgres/postgres-crm-outbox.ts";
import { PostgresErasureLog } from "../adapters/postgres/postgres-erasure-log.ts";
import { PostgresLeadStore } from "../adapters/postgres/postgres-lead-store.ts";
import { PostgresSqlClient, type SqlClient } from "../adapters/postgres/sql-client.ts";
import { RedisApiKeyStore } from "../adapters/redis/redis-api-key-store.ts";
import { connectRedis, createRedis } from "../adapters/redis/redis-connection.ts";
import { RedisInvalidationBus } from "../adapters/redis/redis-invalidation-bus.ts";
import { RedisLock } from "../adapters/redis/redis-lock.ts";
import { RedisRateLimiter } from "../adapters/redis/redis-rate-limiter.ts";
import { RedisSendBudget } from "../adapters/redis/redis-send-budget.ts";
import { SeededRandom } from "../adapters/simulated/seeded-random.ts";
import { SimulatedCrmGateway } from "../adapters/simulated/simulated-crm-gateway.ts";
import { SimulatedLanguageModel } from "../adapters/simulated/simulated-language-model.ts";
import { VirtualClock } from "../adapters/simulated/virtual-clock.ts";
import { CryptoRandom } from "../adapters/system/crypto-random.ts";
import { SystemClock } from "../adapters/system/system-clock.ts";
import { ContactPrivacy } from "../domain/contact-privacy.ts";
import { ContactSync, crmContactOf } from "../domain/contact-sync.ts";
import { BotReplier, type BotReplierDeps } from "../domain/conversation/bot-replier.ts";
import { Conversations } from "../domain/conversation/conversations.ts";
import { PRICE_PROFILES } from "../domain/cost/price-table.ts";
import { CrmOutboxSender } from "../domain/crm-outbox-sender.ts";
import { LeadQualifier } from "../domain/lead-qualifier.ts";
import { DEFAULT_RETRY_POLICY } from "../domain/retry-policy.ts";
import { TieredCache, type TieredCacheOptions } from "../domain/tiered-cache.ts";
import { API_KEY_STORE, type ApiKeyStore } from "../ports/api-key-store.ts";
import type { CacheTier } from "../ports/cache-tier.ts";
import { CLOCK, type Clock } from "../ports/clock.ts";
import { CONTACT_STORE, type ContactStore } from "../ports/contact-store.ts";
import { CONVERSATION_STORE, type ConversationStore } from "../ports/conversation-store.ts";
import { COST_LEDGER, type CostLedger } from "../ports/cost-ledger.ts";
import { CRM_GATEWAY, type CrmGateway } from "../ports/crm-gateway.ts";
import {
  CRM_OUTBOX,
  type CrmOutbox,
  OUTBOX_TRANSACTION,
  type OutboxTransaction,
} from "../ports/crm-outbox.ts";
import { ERASURE_LOG, type ErasureLog } from "../ports/erasure-log.ts";
import { FALLBACK_MODEL, LANGUAGE_MODEL, type LanguageModel } from "../ports/language-model.ts";
import { LEAD_STORE, type LeadStore } from "../ports/lead-store.ts";
import { RANDOM, type Random } from "../ports/random.ts";
import { RATE_LIMITER, type RateLimiter } from "../ports/rate-limiter.ts";
import type { SendBudget } from "../ports/send-budget.ts";
import type { Config } from "./config.ts";
import {
  buildTiers,
  type MigrationState,
  migrateWhenReachable,
  modeLabel,
  openPglite,
  probesFor,
  rateLimitedWarn,
  type SimulationOptions,
  startPurge,
  type TierSetup,
} from "./infrastructure.ts";
import type { Probe } from "./readiness.ts";

export type { SimulationOptions, TierSetup } from "./infrastructure.ts";

/** Tokens of the application layer (the ports' tokens live beside the ports). */
export const APP = {
  config: Symbol.for("eh.app.Config"),
  logger: Symbol.for("eh.app.Logger"),
  redis: Symbol.for("eh.app.Redis"),
  sql: Symbol.for("eh.app.SqlClient"),
  tiers: Symbol.for("eh.app.CacheTiers"),
  cache: Symbol.for("eh.app.TieredCache"),
  qualifier: Symbol.for("eh.app.LeadQualifier"),
  contactSync: Symbol.for("eh.app.ContactSync"),
  crmOutboxSender: Symbol.for("eh.app.CrmOutboxSender"),
  conversations: Symbol.for("eh.app.Conversations"),
  modelCalls: Symbol.for("eh.app.ModelCalls"),
  privacy: Symbol.for("eh.app.ContactPrivacy"),
  probes: Symbol.for("eh.app.Probes"),
} as const;

/** Everything the service runs on, resolved. */
export interface Composition {
  container: Container;
  /** One line saying which adapter serves each port, for the start-up log. */
  description: string;
  /** The cache tiers in read order (for CCPA checks and the benchmark). */
  tierBindings: ReadonlyArray<{ tier: CacheTier; ttlMs: number }>;
  close(): Promise<void>;
}

/** Builds the container for `config`; resolves the asynchronous pieces (connections, migrations). */
export async function compose(
  config: Config,
  logger: Logger,
  simulation: SimulationOptions = {},
  hooks: { wrapLedger?: (ledger: CostLedger) => CostLedger } = {},
): Promise<Composition> {
  const c = new Container({ defaultScope: "Singleton" });
  const simulated = config.EH_ADAPTERS === "simulated";
  const closers: Array<() => Promise<void>> = [];
  const parts: string[] = [];
  c.bind(APP.config).toConstantValue(config);
  c.bind(APP.logger).toConstantValue(logger);

  const seeded = new SeededRandom(config.SEED);
  const clock: Clock = simulated ? new VirtualClock() : new SystemClock();
  const random: Random = simulated ? seeded.fork("app") : new CryptoRandom();
  c.bind<Clock>(CLOCK).toConstantValue(clock);
  c.bind<Random>(RANDOM).toConstantValue(random);

  // L2: Redis when configured. An unreachable Redis at start-up is a degraded service, not a failed start.
  let redis: Redis | undefined;
  if (!simulated && config.REDIS_URL) {
    redis = createRedis(config.REDIS_URL, {
      commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
      connectionName: "enterprisehub",
      onError: rateLimitedWarn(logger, "redis"),
    });
    await connectRedis(redis, 2_000).catch((err: Error) =>
      logger.warn({ err: err.message }, "redis unreachable at start; L2 degraded until it answers"),
    );
    closers.push(async () => void (await redis?.quit().catch(() => redis?.disconnect())));
  }
  const envPrefix = config.REDIS_PREFIX ?? `eh:${config.NODE_ENV}:`;

  // SQL: PostgreSQL when configured, else PGlite (a real Postgres in WASM) persisted under DATA_DIR.
  let sql: SqlClient | undefined;
  let migrations: MigrationState | undefined;
  if (!simulated) {
    sql = config.DATABASE_URL
      ? new PostgresSqlClient({
          connectionString: config.DATABASE_URL,
          ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
          statementTimeoutMs: config.DATABASE_TIMEOUT_MS,
          connectionTimeoutMs: config.DATABASE_TIMEOUT_MS,
          applicationName: "enterprisehub",
          onIdleError: rateLimitedWarn(logger, "postgres"),
        })
      : await openPglite(join(config.DATA_DIR, "pglite"));
    migrations = await migrateWhenReachable(
      sql,
      logger,
      config.DATABASE_URL ? config.DATABASE_SCHEMA : undefined,
    );
    const m = migrations;
    closers.push(async () => m.stop());
    const s = sql;
    closers.push(() => s.close());
  }

  const tiers = buildTiers(config, { clock, seeded, redis, sql, envPrefix, simulation });
  c.bind<TierSetup>(APP.tiers).toConstantValue(tiers);
  parts.push(
    `cache ${tiers.kinds.map((k) => `${k.name}=${simulated ? "simulated" : k.kind === "postgres" && !config.DATABASE_URL ? "pglite" : k.kind}`).join(" ")}`,
  );

  bindStores(c, sql, hooks.wrapLedger ?? ((l) => l));
  parts.push(`stores=${simulated ? "memory" : config.DATABASE_URL ? "postgres" : "pglite"}`);

  const offline = new OfflineLanguageModel();
  c.bind<LanguageModel>(FALLBACK_MODEL).toConstantValue(
    simulated ? new SimulatedLanguageModel({ inner: offline, clock, random: seeded.fork("llm") }) : offline,
  );
  if (!simulated && config.ANTHROPIC_API_KEY) {
    c.bind<LanguageModel>(LANGUAGE_MODEL).toConstantValue(
      new ClaudeLanguageModel({
        apiKey: config.ANTHROPIC_API_KEY,
        timeoutMs: config.ANTHROPIC_TIMEOUT_MS,
        ...(config.ANTHROPIC_BASE_URL ? { baseURL: config.ANTHROPIC_BASE_URL } : {}),
      }),
    );
  }
  parts.push(
    `model=${simulated ? "simulated(offline)" : config.ANTHROPIC_API_KEY ? "claude+offline-fallback" : "offline"}`,
  );

  if (simulated)
    c.bind<CrmGateway>(CRM_GATEWAY).toConstantValue(
      new SimulatedCrmGateway({ clock, random: seeded.fork("crm") }),
    );
  else if (config.GHL_TOKEN && config.GHL_LOCATION_ID) {
    c.bind<CrmGateway>(CRM_GATEWAY).toConstantValue(
      new GhlCrmGateway({
        baseURL: config.GHL_BASE_URL,
        token: config.GHL_TOKEN,
        locationId: config.GHL_LOCATION_ID,
        timeoutMs: 10_000,
      }),
    );
  }
  parts.push(`crm=${simulated ? "simulated" : config.GHL_TOKEN ? "gohighlevel" : "local-only"}`);
  if (sql && c.isBound(CRM_GATEWAY)) {
    // With Redis, every instance draws on one budget for the location; else this instance's window alone.
    const shared = redis
      ? new RedisSendBudget(redis, {
          key: `${envPrefix}crm-budget:${config.GHL_LOCATION_ID}`,
          limit: config.CRM_RATE_LIMIT,
          // One second of margin: a reservation counts from when a request starts, the CRM from when it arrives.
          windowMs: config.CRM_RATE_WINDOW_MS + 1_000,
        })
      : undefined;
    bindCrmOutbox(c, config, sql, logger, shared);
  }

  if (redis) c.bind<ApiKeyStore>(API_KEY_STORE).toConstantValue(new RedisApiKeyStore(redis, envPrefix));
  c.bind<RateLimiter>(RATE_LIMITER).toConstantValue(
    redis ? new RedisRateLimiter(redis, envPrefix) : new MemoryRateLimiter(),
  );

  // Several instances share Redis: keep their L1s coherent and compute a cold key once across them.
  let coherence: TieredCacheOptions = {};
  if (redis) {
    const bus = new RedisInvalidationBus(redis, {
      prefix: `${envPrefix}bus:`,
      connectionName: "enterprisehub-bus",
    });
    await bus.connect();
    closers.push(async () => bus.close());
    coherence = {
      localTiers: ["L1"],
      invalidationBus: bus,
      distributedFlight: { lock: new RedisLock(redis, { prefix: `${envPrefix}lock:` }) },
    };
  }
  c.bind(APP.cache).toResolvedValue(
    (t: TierSetup, clk: Clock) => {
      const cache = new TieredCache(t.bindings, clk, coherence);
      closers.push(async () => cache.close());
      return cache;
    },
    [APP.tiers, CLOCK],
  );
  // What every model-backed service shares: the cache, the model chain, the ledger and the prices.
  c.bind(APP.modelCalls).toResolvedValue(
    (
      cache: TieredCache,
      clk: Clock,
      rnd: Random,
      ledger: CostLedger,
      fallback: LanguageModel,
      t: TierSetup,
    ): BotReplierDeps => {
      const cloud = c.isBound(LANGUAGE_MODEL) ? c.get<LanguageModel>(LANGUAGE_MODEL) : undefined;
      return {
        cache,
        ...(cloud ? { cloud } : {}),
        offline: fallback,
        ledger,
        clock: clk,
        random: rnd,
        prices: PRICE_PROFILES[config.PRICE_PROFILE],
        retry: { ...DEFAULT_RETRY_POLICY, totalBudgetMs: config.LLM_TOTAL_BUDGET_MS },
        tiers: t.kinds,
      };
    },
    [APP.cache, CLOCK, RANDOM, COST_LEDGER, FALLBACK_MODEL, APP.tiers],
  );
  c.bind(APP.qualifier).toResolvedValue(
    (models: BotReplierDeps, leads: LeadStore, contacts: ContactStore) =>
      new LeadQualifier({ ...models, leads, contacts }),
    [APP.modelCalls, LEAD_STORE, CONTACT_STORE],
  );
  c.bind(APP.contactSync).toResolvedValue(
    (contacts: ContactStore, clk: Clock) => {
      const crm = c.isBound(CRM_GATEWAY) ? c.get<CrmGateway>(CRM_GATEWAY) : undefined;
      // With an outbox (a real CRM and a database), contacts are queued durably; else the CRM is called inline.
      const outbox = c.isBound(OUTBOX_TRANSACTION)
        ? {
            transaction: c.get<OutboxTransaction>(OUTBOX_TRANSACTION),
            queued: () => c.get<CrmOutboxSender>(APP.crmOutboxSender).wake(),
          }
        : undefined;
      return new ContactSync({
        contacts,
        clock: clk,
        ...(crm ? { crm } : {}),
        ...(outbox ? { outbox } : {}),
        // Without an outbox, a batch is still stored in one transaction: a database lost mid-batch leaves none of it.
        ...(!outbox && sql ? { batch: new PostgresOutboxTransaction(sql) } : {}),
      });
    },
    [CONTACT_STORE, CLOCK],
  );
  c.bind(APP.conversations).toResolvedValue(
    (
      models: BotReplierDeps,
      clk: Clock,
      store: ConversationStore,
      contacts: ContactStore,
      qualifier: LeadQualifier,
    ) => {
      const crm = c.isBound(CRM_GATEWAY) ? c.get<CrmGateway>(CRM_GATEWAY) : undefined;
      const replier = new BotReplier(models);
      const pushToCrm = c.isBound(CRM_OUTBOX)
        ? async (tenant: string, id: string) => {
            await c.get<CrmOutbox>(CRM_OUTBOX).enqueue(tenant, [id], clk.now());
            c.get<CrmOutboxSender>(APP.crmOutboxSender).wake();
          }
        : crm
          ? async (tenant: string, id: string) => {
              // No outbox (no database): best effort; the local flag stays the source of truth.
              const contact = await contacts.get(tenant, id);
              if (contact) await crm.upsertContacts([crmContactOf(contact)]).catch(() => undefined);
            }
          : undefined;
      return new Conversations({
        store,
        contacts,
        ...(pushToCrm ? { pushToCrm } : {}),
        qualifier,
        replier,
        clock: clk,
        compliance: { licenseeName: config.LICENSEE_NAME, dreLicense: config.DRE_LICENSE },
        handoff: { threshold: config.HANDOFF_THRESHOLD },
        defaultTimeZone: config.DEFAULT_TIME_ZONE,
      });
    },
    [APP.modelCalls, CLOCK, CONVERSATION_STORE, CONTACT_STORE, APP.qualifier],
  );
  c.bind(APP.privacy).toResolvedValue(
    (
      contacts: ContactStore,
      leads: LeadStore,
      conversations: ConversationStore,
      cache: TieredCache,
      log: ErasureLog,
      clk: Clock,
    ) => new ContactPrivacy({ contacts, leads, conversations, cache, log, clock: clk }),
    [CONTACT_STORE, LEAD_STORE, CONVERSATION_STORE, APP.cache, ERASURE_LOG, CLOCK],
  );
  c.bind<Probe[]>(APP.probes).toConstantValue(probesFor(config, redis, sql, migrations));

  if (sql && !simulated) startPurge(new PostgresCacheTier(sql, clock), logger, closers);

  return {
    container: c,
    tierBindings: tiers.bindings,
    description: `adapters: ${modeLabel(config)}; ${parts.join(", ")}`,
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
    },
  };
}

/**
 * The durable CRM outbox in the database and its background sender (started and stopped by the
 * service). GoHighLevel spends one request per upsert plus one to add tags, against the window.
 */
function bindCrmOutbox(
  c: Container,
  config: Config,
  sql: SqlClient,
  logger: Logger,
  sharedBudget: SendBudget | undefined,
): void {
  c.bind<CrmOutbox>(CRM_OUTBOX).toConstantValue(new PostgresCrmOutbox(sql));
  c.bind<OutboxTransaction>(OUTBOX_TRANSACTION).toConstantValue(new PostgresOutboxTransaction(sql));
  const warn = rateLimitedWarn(logger, "crm outbox");
  c.bind(APP.crmOutboxSender).toResolvedValue(
    (outbox: CrmOutbox, crm: CrmGateway, contacts: ContactStore, clock: Clock, random: Random) =>
      new CrmOutboxSender(
        {
          outbox,
          crm,
          contacts,
          clock,
          random,
          ...(sharedBudget ? { sharedBudget } : {}),
          observer: {
            error: (err) => warn(err instanceof Error ? err : new Error(String(err))),
            deadLetter: (entry, reason) =>
              logger.warn(
                { tenant: entry.tenant, contactId: entry.contactId, reason },
                "crm outbox: gave up",
              ),
          },
        },
        {
          owner: `${hostname()}:${process.pid}:${randomUUID()}`,
          rateLimit: config.CRM_RATE_LIMIT,
          windowMs: config.CRM_RATE_WINDOW_MS,
          batchSize: config.CRM_OUTBOX_BATCH_SIZE,
          leaseMs: config.CRM_OUTBOX_LEASE_MS,
          pollMs: config.CRM_OUTBOX_POLL_MS,
          maxAttempts: config.CRM_OUTBOX_MAX_ATTEMPTS,
          baseBackoffMs: config.CRM_RETRY_BASE_MS,
          maxBackoffMs: config.CRM_RETRY_MAX_MS,
          rateLimitWaitMs: config.CRM_RATE_WINDOW_MS,
          requestsPerContact: (contact) => 1 + (tagsToAdd(contact).length > 0 ? 1 : 0),
        },
      ),
    [CRM_OUTBOX, CRM_GATEWAY, CONTACT_STORE, CLOCK, RANDOM],
  );
}

function bindStores(
  c: Container,
  sql: SqlClient | undefined,
  wrapLedger: (l: CostLedger) => CostLedger,
): void {
  c.bind<ContactStore>(CONTACT_STORE).toConstantValue(
    sql ? new PostgresContactStore(sql) : new MemoryContactStore(),
  );
  c.bind<LeadStore>(LEAD_STORE).toConstantValue(sql ? new PostgresLeadStore(sql) : new MemoryLeadStore());
  c.bind<ConversationStore>(CONVERSATION_STORE).toConstantValue(
    sql ? new PostgresConversationStore(sql) : new MemoryConversationStore(),
  );
  c.bind<CostLedger>(COST_LEDGER).toConstantValue(
    wrapLedger(sql ? new PostgresCostLedger(sql) : new MemoryCostLedger()),
  );
  c.bind<ErasureLog>(ERASURE_LOG).toConstantValue(sql ? new PostgresErasureLog(sql) : new MemoryErasureLog());
}
