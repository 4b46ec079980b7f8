-- Event positions are given after commit instead of by the writing transaction: an append no
-- longer locks its account's event_stream row until it commits (which made one account's writes
-- wait for each other's commit, WAL flush included). A committed event has no position until the
-- sequencer numbers it (EventStore.sequence): under the account's event_stream row lock, every
-- committed event without one, in the order of their transactions (tx) and within one in the
-- order appended (id). A position is only ever given to a committed event, after the ones given
-- before it: positions stay gap-free and a reader never sees a smaller one appear later.
ALTER TABLE endpoint_event ALTER COLUMN position DROP NOT NULL;
ALTER TABLE endpoint_event ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
ALTER TABLE endpoint_event ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
CREATE INDEX endpoint_event_unsequenced_idx ON endpoint_event (account_id, tx, id) WHERE position IS NULL;
