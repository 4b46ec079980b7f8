-- The job queue keyed by account like every tenant table (docs/scaling.md): job's primary key
-- becomes (account_id, id), the target of job_item's foreign key (V11 gave it a unique
-- constraint for that meanwhile). Job ids stay unique platform-wide: they come from job_id_seq.
ALTER TABLE job_item DROP CONSTRAINT job_item_job_fkey;
ALTER TABLE job DROP CONSTRAINT job_account_id_id_key;
ALTER TABLE job DROP CONSTRAINT job_pkey;
ALTER TABLE job ADD PRIMARY KEY (account_id, id);
ALTER TABLE job_item ADD CONSTRAINT job_item_job_fkey FOREIGN KEY (account_id, job_id) REFERENCES job (account_id, id);
