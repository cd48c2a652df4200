-- EnterpriseHub schema, version 1: the L3 cache tier and the four stores.
-- Times are bigint milliseconds since the epoch, written from the application's clock
-- (so a virtual clock drives expiry in tests and simulations, and TTLs stay exact to the ms).

-- L3 cache. COLLATE "C" orders keys bytewise, so "every key starting with <tenant>:" is a
-- primary-key range scan (key >= '<tenant>:' AND key < '<tenant>;').
CREATE TABLE cache_entries (
  key text COLLATE "C" PRIMARY KEY,
  value text NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX cache_entries_expires_at ON cache_entries (expires_at);

-- One contact per person per tenant; identity is the lower-cased email, else the phone's digits.
CREATE TABLE contacts (
  tenant text NOT NULL,
  id text NOT NULL,
  identity text NOT NULL,
  email text,
  phone text,
  first_name text,
  last_name text,
  source text,
  tags text[] NOT NULL DEFAULT '{}',
  do_not_contact boolean NOT NULL DEFAULT false,
  crm_id text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (tenant, id),
  UNIQUE (tenant, identity)
);

CREATE TABLE leads (
  tenant text NOT NULL,
  id text NOT NULL,
  contact_id text,
  cache_key text NOT NULL,
  qualification jsonb NOT NULL,
  score double precision NOT NULL,
  temperature text NOT NULL,
  model text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX leads_by_contact ON leads (tenant, contact_id);

-- version: optimistic concurrency, bumped by every save.
CREATE TABLE conversations (
  tenant text NOT NULL,
  id text NOT NULL,
  contact_id text,
  current_bot text NOT NULL,
  visited jsonb NOT NULL,
  handoffs jsonb NOT NULL,
  messages jsonb NOT NULL,
  qualification jsonb,
  status text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  version integer NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX conversations_by_contact ON conversations (tenant, contact_id);

-- One row per billed attempt; the id makes recording idempotent. Money in integer micro-dollars.
CREATE TABLE cost_ledger (
  id text PRIMARY KEY,
  tenant text NOT NULL,
  operation text NOT NULL,
  model text,
  input_tokens bigint NOT NULL,
  output_tokens bigint NOT NULL,
  cache_write_tokens bigint NOT NULL,
  cache_read_tokens bigint NOT NULL,
  llm_micros bigint NOT NULL,
  infra_micros bigint NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX cost_ledger_by_tenant ON cost_ledger (tenant, operation, model);
