-- Providers publish EfA services; a service carries its plans as one JSON document, because plans are only
-- ever read and replaced together with their service (no second query per search hit).
CREATE TABLE provider (
    id          TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    broker_url  TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE efa_service (
    id                  UUID PRIMARY KEY,
    slug                TEXT        NOT NULL UNIQUE,
    -- Sorted as German readers expect (case and umlauts), not byte by byte.
    name                TEXT        NOT NULL COLLATE "de-x-icu",
    summary             TEXT        NOT NULL,
    description         TEXT,
    keywords            TEXT[]      NOT NULL,
    provider_id         TEXT        NOT NULL REFERENCES provider (id),
    leika_keys          TEXT[]      NOT NULL,
    ozg_id              TEXT,
    themenfeld          TEXT        NOT NULL,
    lead_land           TEXT,
    available_in        TEXT[]      NOT NULL,
    reuse_models        TEXT[]      NOT NULL,
    languages           TEXT[]      NOT NULL,
    bitv_statement      TEXT,
    feedback_mechanism  TEXT,
    plans               JSONB       NOT NULL,
    status              TEXT        NOT NULL,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    search_document     TSVECTOR    NOT NULL DEFAULT ''::tsvector
);

-- A trigger rather than a generated column: array_to_string is not immutable, so PostgreSQL refuses it in a
-- generated column. Name weighs most, then summary and keywords, then the description.
CREATE FUNCTION efa_service_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('german', NEW.name), 'A') ||
        setweight(to_tsvector('german', NEW.summary), 'B') ||
        setweight(to_tsvector('german', array_to_string(NEW.keywords, ' ')), 'B') ||
        setweight(to_tsvector('german', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER efa_service_search_document
    BEFORE INSERT OR UPDATE OF name, summary, keywords, description ON efa_service
    FOR EACH ROW EXECUTE FUNCTION efa_service_search_document();

-- Without the pending list of fastupdate: the catalog is written rarely and searched constantly, and every
-- search would scan that list, and the planner shies away from an index that has one.
CREATE INDEX efa_service_search ON efa_service USING GIN (search_document) WITH (fastupdate = off);
CREATE INDEX efa_service_leika ON efa_service USING GIN (leika_keys) WITH (fastupdate = off);
CREATE INDEX efa_service_provider ON efa_service (provider_id);
-- The public listing without a query is sorted by name or age and read page by page.
CREATE INDEX efa_service_published_name ON efa_service (name, id) WHERE status = 'PUBLISHED';
CREATE INDEX efa_service_published_newest ON efa_service (created_at DESC, id) WHERE status = 'PUBLISHED';

-- The first answer to a creating POST, per caller and Idempotency-Key, replayed for 24 hours. The primary
-- key makes two concurrent requests with one key create one thing.
CREATE TABLE idempotency_key (
    caller        TEXT        NOT NULL,
    key           TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INTEGER,
    location      TEXT,
    etag          TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
