-- How often the worker failed at an item on its own for a fault of the service (not a refusal, which skips it at
-- once): counted after each such attempt, the item is SKIPPED at efa.rollout.max-item-attempts, so that one item
-- no transaction can take does not keep its rollout RUNNING and cost every pass for ever (docs/bulk-onboarding.md).
ALTER TABLE rollout_item ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
