-- The W3C traceparent a job was created under (docs/tracing.md): the trace of the request event, which its broker
-- calls and its results continue. Null for jobs made before.
ALTER TABLE provisioning_job ADD COLUMN traceparent TEXT;
