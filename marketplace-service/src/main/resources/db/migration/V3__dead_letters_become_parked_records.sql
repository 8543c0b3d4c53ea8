-- The platform keeps the records no consumer could apply in parked_record (db/platform/R__platform_tables.sql).
-- This service kept them in dead_letter, a table of the same columns; it becomes parked_record, so that the dead
-- letters of an existing database stay listed and the platform's migration finds its table in place.
ALTER TABLE dead_letter RENAME TO parked_record;
ALTER TABLE parked_record RENAME COLUMN received_at TO parked_at;
ALTER TABLE parked_record ALTER COLUMN parked_at SET DEFAULT now();
ALTER TABLE parked_record RENAME CONSTRAINT dead_letter_pkey TO parked_record_pkey;
ALTER TABLE parked_record RENAME CONSTRAINT dead_letter_once_per_record TO parked_record_once;
ALTER INDEX dead_letter_newest RENAME TO parked_record_newest;
