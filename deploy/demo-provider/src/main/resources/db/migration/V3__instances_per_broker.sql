-- Each provider's broker path (/brokers/{providerId}/v2) is a broker of its own and knows only the instances
-- provisioned through it: provider_id is that provider. It is NULL for the rows written before, which no broker path
-- knows: their path was not recorded (the un-prefixed /v2 of the first version, or any provider's path since), so
-- none can claim them without letting one broker act on another's instances. The operator still lists and removes
-- them (/instances). Instance ids stay unique across brokers: they are the platform's (its subscription ids).
ALTER TABLE service_instance ADD COLUMN provider_id TEXT;
