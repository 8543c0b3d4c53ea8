-- A provisioning whose orphan mitigation gave up may have left an instance at the broker: ORPHAN_LEFT.
ALTER TABLE provisioning_job DROP CONSTRAINT provisioning_job_failure_kind_check;
ALTER TABLE provisioning_job ADD CONSTRAINT provisioning_job_failure_kind_check
    CHECK (failure_kind IN ('INSTANCE_UNUSABLE', 'NOT_OFFERED', 'ORPHAN_LEFT'));

-- Where what the marketplace believes of an instance and what its broker holds part, with the evidence (JSON), until
-- an operator resolves it.
CREATE TABLE finding (
    id              UUID PRIMARY KEY,
    kind            TEXT        NOT NULL
        CHECK (kind IN ('MISSING_AT_PROVIDER', 'PLAN_DIFFERS', 'ORPHAN_LEFT', 'SUSPENSION_NOT_CONFIRMED')),
    subscription_id UUID        NOT NULL,
    broker_url      TEXT,
    evidence        TEXT        NOT NULL,
    detected_at     TIMESTAMPTZ NOT NULL,
    resolved_at     TIMESTAMPTZ,
    resolved_by     TEXT,
    note            TEXT
);
-- Seen again while it is open, a difference is not recorded twice.
CREATE UNIQUE INDEX finding_open_once ON finding (subscription_id, kind) WHERE resolved_at IS NULL;
CREATE INDEX finding_newest ON finding (detected_at DESC, id);
