-- When a subscription entered its current status. Interests and offers expire 30 days after it (docs/state-machines.md);
-- updated_at moves with every change, a new price after a population update among them, which must not give an
-- open interest or offer another 30 days.
ALTER TABLE subscription ADD COLUMN status_since TIMESTAMPTZ;

-- From the history: the first entry after the last one in another status, i.e. the move into the current status.
UPDATE subscription s SET status_since = coalesce(
        (SELECT min(h.at) FROM subscription_history h
         WHERE h.subscription_id = s.id AND h.status = s.status
           AND h.position > coalesce((SELECT max(o.position) FROM subscription_history o
                                      WHERE o.subscription_id = s.id AND o.status <> s.status), -1)),
        s.updated_at);

ALTER TABLE subscription ALTER COLUMN status_since SET NOT NULL;

DROP INDEX subscription_open_interests;
CREATE INDEX subscription_open_interests ON subscription (status, status_since)
    WHERE status IN ('INTEREST_DECLARED', 'OFFERED');
