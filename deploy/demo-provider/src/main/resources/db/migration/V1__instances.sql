-- The demo SaaS instances this broker has been asked for. A deprovisioned instance stays as a DELETED row, so
-- that a repeated DELETE is answered 410 and a late poll of its deprovisioning still finds the operation.
CREATE TABLE service_instance (
    instance_id          TEXT        PRIMARY KEY,
    service_id           TEXT        NOT NULL,
    plan_id              TEXT        NOT NULL,
    context              JSONB       NOT NULL,
    parameters           JSONB       NOT NULL,
    state                TEXT        NOT NULL
        CHECK (state IN ('PROVISIONING', 'PROVISIONED', 'FAILED', 'DEPROVISIONING', 'DELETED')),
    current_operation_id UUID        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX service_instance_listing ON service_instance (created_at DESC, instance_id) WHERE state <> 'DELETED';
CREATE INDEX service_instance_ags ON service_instance ((context ->> 'ags'));

-- Every asynchronous provisioning or deprovisioning, as last_operation reports it. planned_failure is decided
-- when the operation starts (a plan ending in -fails) and becomes the description once it is due.
CREATE TABLE instance_operation (
    id              UUID        PRIMARY KEY,
    instance_id     TEXT        NOT NULL REFERENCES service_instance (instance_id),
    kind            TEXT        NOT NULL CHECK (kind IN ('PROVISION', 'DEPROVISION')),
    state           TEXT        NOT NULL CHECK (state IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED')),
    planned_failure TEXT,
    description     TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX instance_operation_instance ON instance_operation (instance_id);
-- The completion worker claims due operations through this index, oldest first.
CREATE INDEX instance_operation_due ON instance_operation (due_at) WHERE state = 'IN_PROGRESS';
-- An instance never has two operations running at once (OSB ConcurrencyError is the answer instead).
CREATE UNIQUE INDEX instance_operation_one_running ON instance_operation (instance_id) WHERE state = 'IN_PROGRESS';

ALTER TABLE service_instance
    ADD CONSTRAINT service_instance_current_operation
        FOREIGN KEY (current_operation_id) REFERENCES instance_operation (id) DEFERRABLE INITIALLY DEFERRED;
