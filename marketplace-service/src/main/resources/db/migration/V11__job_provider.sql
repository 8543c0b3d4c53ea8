-- The provider whose broker a job talks to: its broker calls carry a token meant for that provider's broker only.
-- Jobs already under way take the provider their service has now.
ALTER TABLE provisioning_job ADD COLUMN provider_id TEXT;
UPDATE provisioning_job j SET provider_id = c.provider_id
FROM catalog_service c
WHERE c.service_id = j.service_id AND j.broker_url IS NOT NULL;
