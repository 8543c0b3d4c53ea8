-- The local copy of the catalog topic: which broker serves a service and which plans it has. Only the
-- highest catalog version of each service is kept.
CREATE TABLE catalog_service (
    service_id  UUID PRIMARY KEY,
    version     BIGINT      NOT NULL,
    provider_id TEXT,
    status      TEXT,
    broker_url  TEXT,
    plan_ids    TEXT[]      NOT NULL DEFAULT '{}',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One job per subscription and operation, however often the request arrives. Workers claim due jobs
-- with a lease (lease_token, lease_until); a job whose worker died is claimed again once the lease ran out
-- and resumes at its step, so its state must always say where the conversation with the broker stands.
CREATE TABLE provisioning_job (
    id               UUID PRIMARY KEY,
    subscription_id  UUID        NOT NULL,
    operation        TEXT        NOT NULL CHECK (operation IN ('PROVISION', 'DEPROVISION')),
    ags              TEXT        NOT NULL,
    tenant_name      TEXT        NOT NULL,
    land             TEXT        NOT NULL,
    service_id       UUID        NOT NULL,
    plan_id          TEXT        NOT NULL,
    parameters       TEXT        NOT NULL,
    instance_id      UUID        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED')),
    step             TEXT        NOT NULL CHECK (step IN ('SEND', 'POLL', 'CLEANUP', 'CLEANUP_POLL')),
    broker_url       TEXT,
    broker_operation TEXT,
    dashboard_url    TEXT,
    failure_reason   TEXT,
    pending_failure  TEXT,
    retries          INT         NOT NULL DEFAULT 0,
    cleanup_retries  INT         NOT NULL DEFAULT 0,
    poll_started_at  TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    lease_token      UUID,
    lease_until      TIMESTAMPTZ,
    requested_at     TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    CONSTRAINT provisioning_job_once_per_operation UNIQUE (subscription_id, operation)
);
CREATE INDEX provisioning_job_due ON provisioning_job (next_attempt_at) WHERE status IN ('PENDING', 'IN_PROGRESS');
CREATE INDEX provisioning_job_newest ON provisioning_job (requested_at DESC, id);
CREATE INDEX provisioning_job_ags ON provisioning_job (ags);
CREATE INDEX provisioning_job_service ON provisioning_job (service_id);

-- Every call to a broker, as the operator sees it in the job's history.
CREATE TABLE job_attempt (
    id           BIGSERIAL PRIMARY KEY,
    job_id       UUID        NOT NULL REFERENCES provisioning_job (id) ON DELETE CASCADE,
    at           TIMESTAMPTZ NOT NULL,
    action       TEXT        NOT NULL,
    request      TEXT        NOT NULL,
    request_body TEXT,
    status       INT,
    answer       TEXT,
    duration_ms  BIGINT      NOT NULL
);
CREATE INDEX job_attempt_of_job ON job_attempt (job_id, id);

-- Ids of the request events already applied: a redelivered event changes nothing.
CREATE TABLE processed_event (
    ce_id        TEXT PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Records that could not be read, with the reason; one row per record however often it is delivered.
CREATE TABLE dead_letter (
    id              UUID PRIMARY KEY,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    record_key      TEXT,
    payload         TEXT,
    headers         TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT dead_letter_once_per_record UNIQUE (topic, kafka_partition, kafka_offset)
);
CREATE INDEX dead_letter_newest ON dead_letter (received_at DESC, id);

-- A dead-lettered record keeps its original headers and may have had no value at all; seq keeps the relay's
-- order stable for events written in the same instant.
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox_event ADD COLUMN headers TEXT;
ALTER TABLE outbox_event ADD COLUMN seq BIGSERIAL;
