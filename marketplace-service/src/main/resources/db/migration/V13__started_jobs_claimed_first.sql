-- The dispatcher claims due jobs whose conversation with the broker has begun (IN_PROGRESS) before those still
-- waiting for their first call (PENDING), one status at a time: an index per status keeps each claim a walk in due
-- order over the jobs of that status alone.
CREATE INDEX provisioning_job_started_due ON provisioning_job (next_attempt_at) WHERE status = 'IN_PROGRESS';
CREATE INDEX provisioning_job_waiting_due ON provisioning_job (next_attempt_at) WHERE status = 'PENDING';
DROP INDEX provisioning_job_due;
