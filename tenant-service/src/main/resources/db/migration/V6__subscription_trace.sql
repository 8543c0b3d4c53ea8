-- The trace id of the request that created a subscription (docs/tracing.md): operators find its spans and log lines
-- by it, across the services. Null for subscriptions made before, or outside any request (a rollout's worker).
ALTER TABLE subscription ADD COLUMN trace_id TEXT;
