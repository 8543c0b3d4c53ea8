-- The W3C traceparent of the request that ordered a rollout (docs/tracing.md): the worker subscribes its tenants in
-- that trace. Null for rollouts ordered before.
ALTER TABLE rollout ADD COLUMN traceparent TEXT;
