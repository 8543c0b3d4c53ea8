-- Municipalities (Kommunen) and Landkreise that use the marketplace; the AGS is their identity.
CREATE TABLE tenant (
    ags           CHAR(8) PRIMARY KEY,
    name          TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    population    BIGINT      NOT NULL CHECK (population >= 0),
    contact_email TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX tenant_status ON tenant (status);

-- The local copy of the catalog topic: subscribing is checked against it, so a catalog outage does not
-- stop municipalities from subscribing.
CREATE TABLE catalog_service (
    id           UUID PRIMARY KEY,
    slug         TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    provider_id  TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    available_in TEXT[]      NOT NULL,
    broker_url   TEXT,
    version      BIGINT      NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE catalog_plan (
    service_id                   UUID   NOT NULL REFERENCES catalog_service (id) ON DELETE CASCADE,
    plan_id                      TEXT   NOT NULL,
    name                         TEXT   NOT NULL,
    setup_fee_cents              BIGINT NOT NULL,
    annual_base_cents            BIGINT NOT NULL,
    annual_per_inhabitant_cents  BIGINT NOT NULL,
    parameters_schema            JSONB,
    PRIMARY KEY (service_id, plan_id)
);

CREATE TABLE subscription (
    id               UUID PRIMARY KEY,
    ags              CHAR(8)     NOT NULL REFERENCES tenant (ags),
    service_id       UUID        NOT NULL,
    plan_id          TEXT        NOT NULL,
    parameters       JSONB       NOT NULL,
    setup_fee_cents  BIGINT      NOT NULL,
    annual_cents     BIGINT      NOT NULL,
    status           TEXT        NOT NULL,
    instance_id      TEXT,
    dashboard_url    TEXT,
    failure_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_by_tenant ON subscription (ags, created_at);
-- At most one live subscription per tenant and service, even when requests race each other.
CREATE UNIQUE INDEX subscription_one_live_per_service ON subscription (ags, service_id)
    WHERE status NOT IN ('CANCELLED', 'FAILED');

CREATE TABLE subscription_history (
    subscription_id UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    position        INT         NOT NULL,
    status          TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    detail          TEXT,
    PRIMARY KEY (subscription_id, position)
);

-- Events already applied, recorded in the same transaction as their effect, so a redelivery changes nothing.
CREATE TABLE processed_event (
    ce_id        UUID PRIMARY KEY,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The first answer to a creating POST with an Idempotency-Key, per caller, for 24 hours.
CREATE TABLE idempotency_key (
    caller        TEXT        NOT NULL,
    key           TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INT,
    location      TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_age ON idempotency_key (created_at);
