-- The CRM outbox: contacts still to reach the CRM, written in the same transaction as the contact and
-- delivered by a background sender. A row names the contact, never its data: the sender reads the
-- contact when it sends, and erasing the contact (CCPA) erases its rows by the cascade.
CREATE TABLE crm_outbox (
  id text PRIMARY KEY,
  tenant text NOT NULL,
  contact_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'dead')),
  version integer NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at bigint NOT NULL,
  enqueued_at bigint NOT NULL,
  last_error text,
  lease_owner text,
  leased_until bigint,
  updated_at bigint NOT NULL,
  FOREIGN KEY (tenant, contact_id) REFERENCES contacts (tenant, id) ON DELETE CASCADE
);
-- At most one pending row per contact; dead letters are kept beside it.
CREATE UNIQUE INDEX crm_outbox_pending_contact ON crm_outbox (tenant, contact_id) WHERE state = 'pending';
-- What the sender's claim scans: the due pending rows.
CREATE INDEX crm_outbox_due ON crm_outbox (next_attempt_at, enqueued_at) WHERE state = 'pending';
CREATE INDEX crm_outbox_dead ON crm_outbox (tenant, updated_at) WHERE state = 'dead';
