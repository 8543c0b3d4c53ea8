-- A failed update whose broker answered (refused it, or reported its last operation failed) without saying the
-- instance is unusable: INSTANCE_USABLE. A failed update without such an answer keeps no kind, as nobody knows.
ALTER TABLE provisioning_job DROP CONSTRAINT provisioning_job_failure_kind_check;
ALTER TABLE provisioning_job ADD CONSTRAINT provisioning_job_failure_kind_check
    CHECK (failure_kind IN ('INSTANCE_UNUSABLE', 'INSTANCE_USABLE', 'NOT_OFFERED', 'ORPHAN_LEFT', 'NOT_ALLOWED'));
