-- Whether the provider did not confirm the suspension that made a subscription SUSPENDED: the operator's retry of
-- that job at the marketplace may still confirm it (docs/state-machines.md).
ALTER TABLE subscription ADD COLUMN suspension_unconfirmed BOOLEAN NOT NULL DEFAULT false;

-- Before, only the history said so: a SUSPENDED subscription whose latest entry is the unconfirmed suspension.
UPDATE subscription s SET suspension_unconfirmed = true
WHERE s.status = 'SUSPENDED'
  AND (SELECT h.detail FROM subscription_history h WHERE h.subscription_id = s.id
       ORDER BY h.position DESC LIMIT 1) LIKE 'Instance suspended, but the provider did not confirm it%';
