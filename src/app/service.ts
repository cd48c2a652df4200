import type { Express } from "express";
import type { Logger } from "pino";
import type { ContactPrivacy } from "../domain/contact-privacy.ts";
import type { ContactSync } from "../domain/contact-sync.ts";
import type { Conversations } from "../domain/conversation/conversations.ts";
import type { CrmOutboxSender } from "../domain/crm-outbox-sender.ts";
import type { LeadQualifier } from "../domain/lead-qualifier.ts";
import type { TieredCache } from "../domain/tiered-cache.ts";
import { API_KEY_STORE, type ApiKeyStore } from "../ports/api-key-store.ts";
import { COST_LEDGER, type CostLedger } from "../ports/cost-ledger.ts";
import { CRM_OUTBOX, type CrmOutbox } from "../ports/crm-outbox.ts";
import { RATE_LIMITER, type RateLimiter } from "../ports/rate-limiter.ts";
import type { Config } from "./config.ts";
import { APP, type Composition, compose, type SimulationOptions } from "./container.ts";
import { ApiKeyRegistry } from "./http/api-keys.ts";
import { createHttpApp } from "./http/app.ts";
import { ServiceMetrics } from "./http/metrics.ts";
import { contactRoutes } from "./http/routes/contacts.ts";
import { conversationRoutes } from "./http/routes/conversations.ts";
import { costRoutes } from "./http/routes/costs.ts";
import { leadRoutes } from "./http/routes/leads.ts";
import { privacyRoutes } from "./http/routes/privacy.ts";
import type { Probe } from "./readiness.ts";

export const VERSION = "0.1.0";

/** The running application: its Express app, its services and how to close it. */
export interface Service {
  app: Express;
  composition: Composition;
  cache: TieredCache;
  qualifier: LeadQualifier;
  contactSync: ContactSync;
  conversations: Conversations;
  metrics: ServiceMetrics;
  close(): Promise<void>;
}

/** Composes the adapters for `config` and builds the HTTP app on them. */
export async function createService(
  config: Config,
  logger: Logger,
  apiKeys: ReadonlyArray<{ tenant: string; key: string }>,
  simulation?: SimulationOptions,
): Promise<Service> {
  let cache: TieredCache | undefined;
  const metrics = new ServiceMetrics(
    {
      tierStats: () =>
        cache?.stats().tiers.map((t) => ({
          tier: t.name,
          hits: t.hits,
          misses: t.misses,
          errors: t.errors + t.timeouts,
        })) ?? [],
      breakerStates: () => cache?.breakerStates().map((b) => ({ tier: b.tier, state: b.state })) ?? [],
      outboxDepth: async () =>
        composition?.container.isBound(CRM_OUTBOX)
          ? composition.container.get<CrmOutbox>(CRM_OUTBOX).pendingCount()
          : undefined,
    },
    { defaultMetrics: config.NODE_ENV !== "test" },
  );
  let composition: Composition | undefined;
  composition = await compose(config, logger, simulation, { wrapLedger: (l) => metrics.meter(l) });
  const c = composition.container;
  cache = await c.getAsync<TieredCache>(APP.cache);
  const qualifier = await c.getAsync<LeadQualifier>(APP.qualifier);
  const contactSync = await c.getAsync<ContactSync>(APP.contactSync);
  const conversations = await c.getAsync<Conversations>(APP.conversations);
  const privacy = await c.getAsync<ContactPrivacy>(APP.privacy);
  // The CRM outbox's sender runs while the service does (bound only with a real CRM and a database).
  const outboxSender = c.isBound(APP.crmOutboxSender)
    ? await c.getAsync<CrmOutboxSender>(APP.crmOutboxSender)
    : undefined;
  outboxSender?.start();
  const ledger = c.get<CostLedger>(COST_LEDGER);
  const app = createHttpApp({
    logger,
    keys: new ApiKeyRegistry(
      apiKeys,
      c.isBound(API_KEY_STORE) ? c.get<ApiKeyStore>(API_KEY_STORE) : undefined,
    ),
    limiter: c.get<RateLimiter>(RATE_LIMITER),
    metrics,
    probes: c.get<Probe[]>(APP.probes),
    apiRoutes: [
      leadRoutes(qualifier),
      contactRoutes(contactSync),
      privacyRoutes(privacy),
      conversationRoutes(conversations),
      costRoutes(ledger, config.PRICE_PROFILE),
    ],
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    version: VERSION,
  });
  return {
    app,
    composition,
    cache,
    qualifier,
    contactSync,
    conversations,
    metrics,
    close: async () => {
      await outboxSender?.stop();
      await composition.close();
    },
  };
}
