-- Every broker call carries a new X-Broker-API-Request-Identity, kept with its attempt so that an operator and the
-- provider find the same call in each other's logs; calls stored before have none.
ALTER TABLE job_attempt ADD COLUMN request_identity UUID;

-- The person whose request a job carries out (the token subject tenant-service received it from), named to the broker
-- in X-Broker-API-Originating-Identity; null when nobody asked, and for jobs recorded before it was sent.
ALTER TABLE provisioning_job ADD COLUMN originating_user_id TEXT;
