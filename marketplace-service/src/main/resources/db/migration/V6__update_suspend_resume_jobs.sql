-- A job may also change an existing instance: its plan or parameters (UPDATE), or lock and unlock it through a
-- context update (SUSPEND, RESUME).
ALTER TABLE provisioning_job DROP CONSTRAINT provisioning_job_operation_check;
ALTER TABLE provisioning_job ADD CONSTRAINT provisioning_job_operation_check
    CHECK (operation IN ('PROVISION', 'DEPROVISION', 'UPDATE', 'SUSPEND', 'RESUME'));

-- The plan an UPDATE changes from (OSB previous_values.plan_id); null for the other operations.
ALTER TABLE provisioning_job ADD COLUMN previous_plan_id TEXT;

-- What a failure means beyond its reason where the job's result depends on it (domain/FailureKind); null otherwise.
ALTER TABLE provisioning_job ADD COLUMN failure_kind TEXT CHECK (failure_kind IN ('INSTANCE_UNUSABLE'));
