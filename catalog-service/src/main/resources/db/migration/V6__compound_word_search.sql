-- German service names are mostly compound words ("Bauantrag", "Hundesteuer"), and full text only matches
-- whole words and their stems: "Antrag" never found "Bauantrag". search_words keeps name, summary and keywords in
-- lower case, so that a query word can be found inside a longer word, through a trigram index. The description
-- stays whole-word: it is long and would turn most short words into hits.
-- pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE efa_service ADD COLUMN search_words TEXT NOT NULL DEFAULT '';

-- A trigger like the one of search_document (V2), for the same reason. Lower case through ICU: in a database
-- created with the C locale, lower() would leave Ä, Ö and Ü as they are.
CREATE FUNCTION efa_service_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_words :=
        lower(concat_ws(' ', NEW.name, NEW.summary, array_to_string(NEW.keywords, ' ')) COLLATE "de-x-icu");
    RETURN NEW;
END
$$;

CREATE TRIGGER efa_service_search_words
    BEFORE INSERT OR UPDATE OF name, summary, keywords ON efa_service
    FOR EACH ROW EXECUTE FUNCTION efa_service_search_words();

-- Assigning the name to itself runs the trigger for every stored service; version and updated_at stay, since
-- nothing a reader sees has changed.
UPDATE efa_service SET name = name;

-- Without the pending list of fastupdate, as efa_service_search: written rarely, searched constantly.
CREATE INDEX efa_service_search_words ON efa_service USING GIN (search_words gin_trgm_ops) WITH (fastupdate = off);
