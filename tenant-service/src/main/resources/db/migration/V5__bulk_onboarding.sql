-- Bulk onboarding: tenants imported from the municipality directory, and rollouts that subscribe many tenants to one
-- plan.

-- A tenant imported from the municipality directory has no contact address yet.
ALTER TABLE tenant ALTER COLUMN contact_email DROP NOT NULL;

-- A rollout: one plan with one configuration for the tenants a selection names, on the order of an operator or a
-- bundler. Who ordered it is kept (subject, role, bundler) so that the worker subscribes each tenant in their name,
-- also after a restart.
CREATE TABLE rollout (
    id                     UUID PRIMARY KEY,
    service_id             UUID        NOT NULL,
    plan_id                TEXT        NOT NULL,
    parameters             JSONB       NOT NULL,
    accepted_terms_version TEXT,
    selection              JSONB       NOT NULL,
    requested_by           TEXT        NOT NULL,
    requester_subject      TEXT        NOT NULL,
    requester_role         TEXT        NOT NULL,
    bundler_id             TEXT,
    status                 TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    finished_at            TIMESTAMPTZ
);
CREATE INDEX rollout_newest ON rollout (created_at DESC, id);
CREATE INDEX rollout_of_bundler ON rollout (bundler_id, created_at DESC) WHERE bundler_id IS NOT NULL;

-- One item per selected AGS. No foreign key to tenant: an operator may name an AGS that no tenant has, which the
-- worker then skips with that reason. tenant_name is the name when the rollout started.
CREATE TABLE rollout_item (
    rollout_id      UUID        NOT NULL REFERENCES rollout (id),
    ags             CHAR(8)     NOT NULL,
    tenant_name     TEXT,
    status          TEXT        NOT NULL,
    subscription_id UUID,
    reason          TEXT,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rollout_id, ags)
);
-- Counts per status.
CREATE INDEX rollout_item_status ON rollout_item (rollout_id, status);
-- The worker's queue: what is still to be done, in a stable order.
CREATE INDEX rollout_item_pending ON rollout_item (rollout_id, ags) WHERE status = 'PENDING';
-- Results find the item of their subscription.
CREATE UNIQUE INDEX rollout_item_subscription ON rollout_item (subscription_id) WHERE subscription_id IS NOT NULL;
