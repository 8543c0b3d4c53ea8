-- What the tests' own event handler writes: one row per applied event.
CREATE TABLE test_effect (
    id   BIGSERIAL PRIMARY KEY,
    note TEXT NOT NULL
);
