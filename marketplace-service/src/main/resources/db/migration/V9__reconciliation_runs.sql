-- A comparison of what the marketplace believes with what the brokers hold: who asked, how it went, what it counted
-- and which brokers it skipped (JSON). Only one run is RUNNING at a time, across replicas.
CREATE TABLE reconciliation_run (
    id              UUID PRIMARY KEY,
    requested_by    TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'ABANDONED')),
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    -- A RUNNING run whose replica stopped beating for a while lost it, and is ABANDONED when the next one starts.
    heartbeat_at    TIMESTAMPTZ NOT NULL,
    instances       INT         NOT NULL DEFAULT 0,
    checked         INT         NOT NULL DEFAULT 0,
    findings        INT         NOT NULL DEFAULT 0,
    known           INT         NOT NULL DEFAULT 0,
    inconclusive    INT         NOT NULL DEFAULT 0,
    busy            INT         NOT NULL DEFAULT 0,
    skipped         INT         NOT NULL DEFAULT 0,
    skipped_brokers TEXT        NOT NULL DEFAULT '[]',
    failure_reason  TEXT
);
CREATE UNIQUE INDEX reconciliation_run_one_running ON reconciliation_run ((status)) WHERE status = 'RUNNING';
CREATE INDEX reconciliation_run_started ON reconciliation_run (started_at DESC);
