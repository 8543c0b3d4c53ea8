-- A Themenfeld listing without words (a portal's category page) read the whole table to find a few hundred
-- services and again to count them; this finds them, and counts them from the index alone.
CREATE INDEX efa_service_published_themenfeld ON efa_service (themenfeld, name, id) WHERE status = 'PUBLISHED';
