-- Plans are answered far more often than written: keep them as the JSON text that is answered, so that a search
-- hit passes it through instead of parsing and writing it again. plan_count answers "has plans?" without
-- reading the text.
ALTER TABLE efa_service ADD COLUMN plan_count INTEGER;
UPDATE efa_service SET plan_count = jsonb_array_length(plans);
ALTER TABLE efa_service ALTER COLUMN plan_count SET NOT NULL;
ALTER TABLE efa_service ALTER COLUMN plans TYPE TEXT USING plans::text;
