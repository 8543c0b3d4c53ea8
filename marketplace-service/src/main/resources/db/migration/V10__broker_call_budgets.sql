-- A job is retried until a span of time from its first call is spent, not a count of attempts; orphan mitigation has
-- a span of the same length from its own first call. Both are moved later by the time a job waited for a token, from
-- token_wait_since (its first call without a token) to its next call.
ALTER TABLE provisioning_job ADD COLUMN budget_from TIMESTAMPTZ;
ALTER TABLE provisioning_job ADD COLUMN cleanup_budget_from TIMESTAMPTZ;
ALTER TABLE provisioning_job ADD COLUMN token_wait_since TIMESTAMPTZ;

-- A broker URL the production policy refuses fails its job without a call: NOT_ALLOWED.
ALTER TABLE provisioning_job DROP CONSTRAINT provisioning_job_failure_kind_check;
ALTER TABLE provisioning_job ADD CONSTRAINT provisioning_job_failure_kind_check
    CHECK (failure_kind IN ('INSTANCE_UNUSABLE', 'NOT_OFFERED', 'ORPHAN_LEFT', 'NOT_ALLOWED'));

-- What the marketplace set aside of a broker's answer and why, e.g. a dashboard_url that is not https.
ALTER TABLE job_attempt ADD COLUMN note TEXT;
