-- German service names are mostly compound words ("Bauantrag", "Hundesteuer"), and full text only matches
-- whole words and their stems: "Antrag" never found "Bauantrag". search_parts holds every ending of every word of
-- name, summary and keywords ("bauantrag", "auantrag", …, "antrag", …, "rag"), so that a word found inside a longer
-- word is the beginning of one of its endings: a prefix query ('antrag':*) on a GIN index, as cheap as the full
-- text. The description stays whole-word: it is long and would turn most short words into hits.
ALTER TABLE efa_service ADD COLUMN search_parts tsvector NOT NULL DEFAULT ''::tsvector;

-- Endings of three letters or digits and more, as no shorter word is looked for inside others. The simple parser
-- splits as the full text does; a hyphenated compound also yields its parts, so its own endings are left out. So
-- are those of a word longer than 64 letters (German's longest words have about 60; the full text finds it whole):
-- the endings of the longest words that name, summary and keywords may have would make nearly 1 MB per service,
-- PostgreSQL's limit of a tsvector. Lower case through ICU: in a database created with the C locale, lower() would
-- leave Ä, Ö and Ü as they are.
CREATE FUNCTION efa_word_endings(words text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT substr(lexeme, start))), ''::tsvector)
    FROM unnest(to_tsvector('simple', lower(words COLLATE "de-x-icu"))) AS word(lexeme, positions, weights),
         generate_series(1, greatest(length(lexeme) - 2, 1)) AS start
    WHERE position('-' IN lexeme) = 0 AND length(lexeme) <= 64
$$;

-- A trigger like the one of search_document (V2), for the same reason.
CREATE FUNCTION efa_service_search_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_parts := efa_word_endings(concat_ws(' ', NEW.name, NEW.summary, array_to_string(NEW.keywords, ' ')));
    RETURN NEW;
END
$$;

CREATE TRIGGER efa_service_search_parts
    BEFORE INSERT OR UPDATE OF name, summary, keywords ON efa_service
    FOR EACH ROW EXECUTE FUNCTION efa_service_search_parts();

-- Assigning the name to itself runs the trigger for every stored service; version and updated_at stay, since
-- nothing a reader sees has changed.
UPDATE efa_service SET name = name;

-- Without the pending list of fastupdate, as efa_service_search: written rarely, searched constantly.
CREATE INDEX efa_service_search_parts ON efa_service USING GIN (search_parts) WITH (fastupdate = off);
