-- Each provider's broker path (/brokers/{providerId}/v2) is a broker of its own and knows only the instances
-- provisioned through it: provider_id is that provider. It is NULL for the rows written before, whose path was not
-- recorded (the un-prefixed /v2 of the first version, or any provider's path since): every broker path knows them, as
-- before, so that a local stack's kept data goes on working (the marketplace calls only the broker of an instance's
-- provider). Instance ids stay unique across brokers: they are the platform's (its subscription ids).
ALTER TABLE service_instance ADD COLUMN provider_id TEXT;
