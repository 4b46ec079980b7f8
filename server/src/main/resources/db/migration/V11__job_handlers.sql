-- One job mechanism for every kind of background work (docs/bulk-jobs.md, "Job handlers").
--
-- * job.payload (was command) is the handler's own payload record as JSON, with the version it was
--   written in (payload_version); what V3 stored is version 1 of the two bulk kinds.
-- * job_item is the unit of work: one per item of a per-item job (bulk modify), one (value NULL)
--   for a job that runs whole (bulk create). It carries account_id, first in its key, and its
--   retry state: PENDING (attempts so far, not before ready_at), DONE, or DEAD (retries used up,
--   last_error kept for the operator).
-- * job_lane remembers when each account's work was last served, so that claiming is round-robin
--   between accounts instead of oldest-job-first.
--
-- Instances of the previous version must be stopped before this runs: they write job_item rows
-- without account_id and read job.command.

-- the Idempotency-Key of the bulk calls lives in idempotent_request since V8; nothing reads these
ALTER TABLE job DROP COLUMN idempotency_key, DROP COLUMN request_hash;

ALTER TABLE job RENAME COLUMN command TO payload;
ALTER TABLE job ADD COLUMN payload_version INT NOT NULL DEFAULT 1;
ALTER TABLE job ALTER COLUMN payload_version DROP DEFAULT;
-- the target of job_item's tenant-first foreign key
ALTER TABLE job ADD CONSTRAINT job_account_id_id_key UNIQUE (account_id, id);

ALTER TABLE job_item ADD COLUMN account_id BIGINT;
UPDATE job_item i SET account_id = j.account_id FROM job j WHERE j.id = i.job_id;
ALTER TABLE job_item ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE job_item DROP CONSTRAINT job_item_pkey;
ALTER TABLE job_item DROP CONSTRAINT job_item_job_id_fkey;
ALTER TABLE job_item ADD CONSTRAINT job_item_pkey PRIMARY KEY (account_id, job_id, seq);
ALTER TABLE job_item ADD CONSTRAINT job_item_job_fkey FOREIGN KEY (account_id, job_id) REFERENCES job (account_id, id);
ALTER TABLE job_item ALTER COLUMN value DROP NOT NULL;

ALTER TABLE job_item
    ADD COLUMN state       TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DONE', 'DEAD')),
    ADD COLUMN attempts    INT NOT NULL DEFAULT 0,
    ADD COLUMN ready_at    TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
    ADD COLUMN last_error  TEXT;
UPDATE job_item SET state = 'DONE' WHERE result_code IS NOT NULL;

-- a bulk create still queued gets its one unit of work
INSERT INTO job_item (account_id, job_id, seq, value)
SELECT account_id, id, 1, NULL FROM job WHERE kind = 'BULK_CREATE' AND status = 'PROCESSING';

-- the next unit of one job: the claim reads this index in seq order and stops at the first it can lock
DROP INDEX job_item_pending_idx;
CREATE INDEX job_item_pending_idx ON job_item (account_id, job_id, seq) WHERE state = 'PENDING';
-- the operator's list of dead work, newest first
CREATE INDEX job_item_dead_idx ON job_item (done_at DESC) WHERE state = 'DEAD';

CREATE TABLE job_lane (
    account_id      BIGINT PRIMARY KEY REFERENCES account (id),
    last_served_at  TIMESTAMPTZ NOT NULL
);
