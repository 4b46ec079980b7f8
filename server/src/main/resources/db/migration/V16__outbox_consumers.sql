-- The outbox's consumers, registered once: a consumer that starts at the end of the streams is
-- placed there the first time it ever runs, not at every start of an instance (an account whose
-- events it has not read yet must not be skipped by a restart).
CREATE TABLE outbox_consumer (
    consumer       TEXT PRIMARY KEY,
    registered_at  TIMESTAMPTZ NOT NULL
);
-- the consumers of V10 that already run somewhere are registered
INSERT INTO outbox_consumer (consumer, registered_at) SELECT DISTINCT consumer, now() FROM outbox_cursor;
