-- The platform's tables, alike in every service's database. A repeatable migration written to be run again at any
-- time: it creates what is missing and brings tables that older versions of a service created to this shape, so
-- that it works on a new database as on one with data. A service's own migrations never refer to these tables.

-- Outbox: events wait here, written in the transaction of their change, until a relay has handed them to Kafka.
-- seq orders them (a database sequence, not a clock, so that replicas agree); attempts count Kafka's refusals
-- of the record itself, after which the row is parked for an operator.
CREATE TABLE IF NOT EXISTS outbox_event (
    id            UUID PRIMARY KEY,
    topic         TEXT        NOT NULL,
    record_key    TEXT,
    type          TEXT        NOT NULL,
    payload       TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_until TIMESTAMPTZ,
    sent_at       TIMESTAMPTZ
);
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
-- Null only for a dead letter forwarded as it came, without a key; a service's own events always have one.
ALTER TABLE outbox_event ALTER COLUMN record_key DROP NOT NULL;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS headers TEXT;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS attempts INT NOT NULL DEFAULT 0;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS last_error TEXT;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS parked_at TIMESTAMPTZ;
-- The W3C traceparent of the trace the event was written in (null: none), sent on as the record's header so that
-- its consumers continue that trace.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent TEXT;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'outbox_event' AND column_name = 'seq') THEN
        ALTER TABLE outbox_event ADD COLUMN seq BIGINT;
        CREATE SEQUENCE IF NOT EXISTS outbox_event_seq_seq OWNED BY outbox_event.seq;
        -- Rows written before the sequence existed keep the order of their time.
        UPDATE outbox_event o SET seq = numbered.n
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM outbox_event) numbered
        WHERE o.id = numbered.id;
        PERFORM setval('outbox_event_seq_seq', COALESCE((SELECT max(seq) FROM outbox_event), 0) + 1, false);
        ALTER TABLE outbox_event ALTER COLUMN seq SET DEFAULT nextval('outbox_event_seq_seq');
        ALTER TABLE outbox_event ALTER COLUMN seq SET NOT NULL;
    END IF;
END $$;
DROP INDEX IF EXISTS outbox_event_unsent;
CREATE UNIQUE INDEX IF NOT EXISTS outbox_event_seq ON outbox_event (seq);
CREATE INDEX IF NOT EXISTS outbox_event_pending ON outbox_event (seq)
    WHERE sent_at IS NULL AND parked_at IS NULL;
-- The claim's "is an older event of its key unsent" looks here; parked events too hold the later ones of their key.
DROP INDEX IF EXISTS outbox_event_pending_key;
CREATE INDEX IF NOT EXISTS outbox_event_unsent_key ON outbox_event (topic, record_key, seq) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_sent ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS outbox_event_parked ON outbox_event (parked_at) WHERE parked_at IS NOT NULL;

-- The ids of events already applied, recorded in the transaction of their effect.
CREATE TABLE IF NOT EXISTS processed_event (
    ce_id        UUID PRIMARY KEY,
    type         TEXT,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE processed_event ADD COLUMN IF NOT EXISTS type TEXT;
DO $$
BEGIN
    IF (SELECT data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'processed_event' AND column_name = 'ce_id') <> 'uuid' THEN
        -- Ids that are no UUID could never be sent again: a ce_id must be a UUID now.
        DELETE FROM processed_event
        WHERE ce_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
        ALTER TABLE processed_event ALTER COLUMN ce_id TYPE UUID USING ce_id::uuid;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS processed_event_age ON processed_event (processed_at);

-- Received records that could not be applied, as they came, and why; once per record.
CREATE TABLE IF NOT EXISTS parked_record (
    id              UUID PRIMARY KEY,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    record_key      TEXT,
    payload         TEXT,
    headers         TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT parked_record_once UNIQUE (topic, kafka_partition, kafka_offset)
);
CREATE INDEX IF NOT EXISTS parked_record_newest ON parked_record (parked_at DESC, id);

-- The first answer to a creating POST, per caller and Idempotency-Key, replayed for 24 hours. The primary key
-- makes two concurrent requests with one key create one thing.
CREATE TABLE IF NOT EXISTS idempotency_key (
    caller       TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INT,
    location     TEXT,
    etag         TEXT,
    body         TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
ALTER TABLE idempotency_key ADD COLUMN IF NOT EXISTS etag TEXT;
CREATE INDEX IF NOT EXISTS idempotency_key_age ON idempotency_key (created_at);

-- The audit trail: who changed what, written in the transaction of the change, one row per changed resource. Kept
-- for good (housekeeping never purges it). at is the start of that transaction; the indexes serve the operators'
-- filters, newest first: by time alone, by actor, and by target (its type alone, or type and id).
CREATE TABLE IF NOT EXISTS audit_entry (
    id           UUID PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL,
    on_behalf_of TEXT,
    action       TEXT        NOT NULL,
    target_type  TEXT        NOT NULL,
    target_id    TEXT        NOT NULL,
    outcome      TEXT        NOT NULL,
    details      JSONB
);
CREATE INDEX IF NOT EXISTS audit_entry_newest ON audit_entry (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_entry_actor ON audit_entry (actor, at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_entry_target ON audit_entry (target_type, target_id, at DESC, id DESC);
