-- Updates of a provisioned instance (plan, parameters, context) and its suspension by the platform.
--
-- An update runs as an operation like provisioning does. The operation holds the complete target (plan,
-- parameters, context, suspended), so that the instance keeps its old values until the completion worker ends the
-- update successfully, and a failed update changes none of them. usable_if_failed is what last_operation reports as
-- instance_usable when the update fails (decided when it starts, like planned_failure).
ALTER TABLE instance_operation DROP CONSTRAINT instance_operation_kind_check;
ALTER TABLE instance_operation
    ADD CONSTRAINT instance_operation_kind_check CHECK (kind IN ('PROVISION', 'UPDATE', 'DEPROVISION')),
    ADD COLUMN target_plan_id    TEXT,
    ADD COLUMN target_parameters JSONB,
    ADD COLUMN target_context    JSONB,
    ADD COLUMN target_suspended  BOOLEAN,
    ADD COLUMN usable_if_failed  BOOLEAN,
    ADD CONSTRAINT instance_operation_update_target CHECK (
        (kind = 'UPDATE') = (target_plan_id IS NOT NULL AND target_parameters IS NOT NULL
            AND target_context IS NOT NULL AND target_suspended IS NOT NULL AND usable_if_failed IS NOT NULL));

-- UPDATING while an update runs; UNUSABLE after an update that failed and left the instance unusable (another
-- update may repair it). suspended: the platform locked the instance (its dashboard answers 423 until unlocked).
ALTER TABLE service_instance DROP CONSTRAINT service_instance_state_check;
ALTER TABLE service_instance
    ADD CONSTRAINT service_instance_state_check CHECK (state IN ('PROVISIONING', 'PROVISIONED', 'UPDATING', 'UNUSABLE',
        'FAILED', 'DEPROVISIONING', 'DELETED')),
    ADD COLUMN suspended BOOLEAN NOT NULL DEFAULT false;
