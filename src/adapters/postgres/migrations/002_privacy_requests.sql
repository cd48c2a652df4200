-- CCPA requests carried out: when, which kind, and counts of what was found or erased; never the data itself.
CREATE TABLE privacy_requests (
  id text PRIMARY KEY,
  tenant text NOT NULL,
  kind text NOT NULL,
  at bigint NOT NULL,
  scope jsonb NOT NULL
);
CREATE INDEX privacy_requests_by_tenant ON privacy_requests (tenant, at);
