-- A subscription's life after ACTIVE: plan changes and reconfiguration, suspension at the provider, and price
-- snapshots that keep the rates and the population they were computed from.

-- The subscription's ETag: a change names the version it read in If-Match.
ALTER TABLE subscription ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- The rates and the population of the price snapshot, so that a new population is priced with the rates the tenant
-- subscribed at, not with the plan's current ones. Backfill of the rows written before:
-- * the population is the tenant's: it could not change before this version, so it is the one priced then;
-- * the rates are the plan's current ones where they give exactly the stored price (and no offer fixed the annual
--   price): the plan's price has not changed since, as far as this subscription can tell;
-- * otherwise (an offered annual price, a plan whose price changed, or one no longer in the catalog copy) the split
--   into base and per-inhabitant price is unknown: the stored annual price becomes a flat base, so that a later
--   population change never recomputes it from a guess.
ALTER TABLE subscription ADD COLUMN annual_base_cents BIGINT;
ALTER TABLE subscription ADD COLUMN annual_per_inhabitant_cents BIGINT;
ALTER TABLE subscription ADD COLUMN price_population BIGINT;
UPDATE subscription s SET price_population = t.population FROM tenant t WHERE t.ags = s.ags;
UPDATE subscription s
   SET annual_base_cents = p.annual_base_cents, annual_per_inhabitant_cents = p.annual_per_inhabitant_cents
  FROM catalog_plan p
 WHERE p.service_id = s.service_id AND p.plan_id = s.plan_id AND s.offer_annual_cents IS NULL
   AND s.annual_cents = p.annual_base_cents + s.price_population * p.annual_per_inhabitant_cents;
UPDATE subscription SET annual_base_cents = annual_cents, annual_per_inhabitant_cents = 0
 WHERE annual_base_cents IS NULL;
ALTER TABLE subscription ALTER COLUMN annual_base_cents SET NOT NULL;
ALTER TABLE subscription ALTER COLUMN annual_per_inhabitant_cents SET NOT NULL;
ALTER TABLE subscription ALTER COLUMN price_population SET NOT NULL;

-- A change waiting for the provider (UPDATE_REQUESTED, UPDATING): the plan, configuration, price and contract it
-- asks for. The ones in effect stay in their columns until the provider has applied it.
ALTER TABLE subscription ADD COLUMN update_plan_id TEXT;
ALTER TABLE subscription ADD COLUMN update_parameters JSONB;
ALTER TABLE subscription ADD COLUMN update_setup_fee_cents BIGINT;
ALTER TABLE subscription ADD COLUMN update_annual_cents BIGINT;
ALTER TABLE subscription ADD COLUMN update_annual_base_cents BIGINT;
ALTER TABLE subscription ADD COLUMN update_annual_per_inhabitant_cents BIGINT;
ALTER TABLE subscription ADD COLUMN update_price_population BIGINT;
ALTER TABLE subscription ADD COLUMN update_contract_model TEXT;
ALTER TABLE subscription ADD COLUMN update_terms_version TEXT;
ALTER TABLE subscription ADD COLUMN update_terms_url TEXT;
ALTER TABLE subscription ADD COLUMN update_terms_sha256 TEXT;
ALTER TABLE subscription ADD COLUMN update_terms_accepted_by TEXT;
ALTER TABLE subscription ADD COLUMN update_terms_accepted_at TIMESTAMPTZ;

-- Why the latest change failed at the provider; cleared by the next one that succeeds.
ALTER TABLE subscription ADD COLUMN last_update_failure_reason TEXT;
ALTER TABLE subscription ADD COLUMN last_update_failure_at TIMESTAMPTZ;

-- Whether a subscription may leave the plan for another, as the catalog topic carries it. The copy is emptied so
-- that it is read again from the compacted topic at the next start (CatalogRebuild): a plan copied before would
-- otherwise count as not updatable until its service is published again.
ALTER TABLE catalog_plan ADD COLUMN updatable BOOLEAN NOT NULL DEFAULT false;
DELETE FROM catalog_service;
