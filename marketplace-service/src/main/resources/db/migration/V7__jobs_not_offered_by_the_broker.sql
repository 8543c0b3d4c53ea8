-- A job may fail without a call because the broker's catalog does not offer what it asks (a plan change, a context
-- update): NOT_OFFERED.
ALTER TABLE provisioning_job DROP CONSTRAINT provisioning_job_failure_kind_check;
ALTER TABLE provisioning_job ADD CONSTRAINT provisioning_job_failure_kind_check
    CHECK (failure_kind IN ('INSTANCE_UNUSABLE', 'NOT_OFFERED'));
