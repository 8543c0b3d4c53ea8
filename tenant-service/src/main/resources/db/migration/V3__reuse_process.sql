-- The EfA reuse process: a tenant's invoice identity, bundlers with mandates, and contracts before provisioning.

-- Amtlicher Regionalschlüssel and the Leitweg-ID of the XRechnung; version is the tenant's ETag.
ALTER TABLE tenant ADD COLUMN ars CHAR(12);
ALTER TABLE tenant ADD COLUMN leitweg_id TEXT;
ALTER TABLE tenant ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Bundling organisations (a Landkreis, a municipal IT provider) and the municipalities that gave them a mandate.
CREATE TABLE bundler (
    id            TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    contact_email TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE TABLE mandate (
    ags        CHAR(8)     NOT NULL REFERENCES tenant (ags),
    bundler_id TEXT        NOT NULL REFERENCES bundler (id),
    granted_at TIMESTAMPTZ NOT NULL,
    granted_by TEXT        NOT NULL,
    PRIMARY KEY (ags, bundler_id)
);
CREATE INDEX mandate_by_bundler ON mandate (bundler_id, ags);

-- A plan's contract model and terms, as the catalog topic carries them.
ALTER TABLE catalog_plan ADD COLUMN contract_model TEXT NOT NULL DEFAULT 'NONE';
ALTER TABLE catalog_plan ADD COLUMN terms_version TEXT;
ALTER TABLE catalog_plan ADD COLUMN terms_url TEXT;
ALTER TABLE catalog_plan ADD COLUMN terms_sha256 TEXT;

-- request_id: the ce_id of the subscription's latest request event, the id of the job it makes at the marketplace;
-- a result of another job is stale. The contract: what was accepted (or offered), by whom and when.
ALTER TABLE subscription ADD COLUMN request_id UUID;
ALTER TABLE subscription ADD COLUMN contract_model TEXT NOT NULL DEFAULT 'NONE';
ALTER TABLE subscription ADD COLUMN terms_version TEXT;
ALTER TABLE subscription ADD COLUMN terms_url TEXT;
ALTER TABLE subscription ADD COLUMN terms_sha256 TEXT;
ALTER TABLE subscription ADD COLUMN terms_accepted_by TEXT;
ALTER TABLE subscription ADD COLUMN terms_accepted_at TIMESTAMPTZ;
ALTER TABLE subscription ADD COLUMN offer_setup_fee_cents BIGINT;
ALTER TABLE subscription ADD COLUMN offer_annual_cents BIGINT;
ALTER TABLE subscription ADD COLUMN offer_start_date DATE;
ALTER TABLE subscription ADD COLUMN offer_note TEXT;
ALTER TABLE subscription ADD COLUMN offered_at TIMESTAMPTZ;
ALTER TABLE subscription ADD COLUMN offered_by TEXT;
ALTER TABLE subscription ADD COLUMN decline_reason TEXT;

-- Live means not final: at most one live subscription per tenant and service, interests and offers included.
DROP INDEX subscription_one_live_per_service;
CREATE UNIQUE INDEX subscription_one_live_per_service ON subscription (ags, service_id)
    WHERE status NOT IN ('CANCELLED', 'FAILED', 'DECLINED', 'WITHDRAWN', 'EXPIRED');
-- The providers' inbox and the expiry of unanswered interests and offers.
CREATE INDEX subscription_open_interests ON subscription (status, updated_at)
    WHERE status IN ('INTEREST_DECLARED', 'OFFERED');
