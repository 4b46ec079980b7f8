-- Durable bulk jobs: bulk provisioning (one all-or-nothing transaction) and bulk modify (one
-- transaction per item). Workers claim work with FOR UPDATE SKIP LOCKED, so any number of
-- server instances can share a database; a killed worker's transaction is rolled back by
-- PostgreSQL and its work is claimed again.
CREATE SEQUENCE job_id_seq START WITH 10471;

CREATE TABLE job (
    id                BIGINT PRIMARY KEY,
    account_id        BIGINT NOT NULL REFERENCES account (id),
    kind              TEXT NOT NULL,             -- BULK_CREATE, BULK_MODIFY
    status            TEXT NOT NULL,             -- PROCESSING, SUCCESS, PARTIAL, FAIL
    command           JSONB NOT NULL,            -- the validated request, as the domain reads it
    actor_username    TEXT NOT NULL,
    actor_account_id  BIGINT NOT NULL,
    request_id        TEXT NOT NULL,
    idempotency_key   TEXT,
    request_hash      TEXT,
    total             INT NOT NULL,
    succeeded         INT NOT NULL DEFAULT 0,
    failed            INT NOT NULL DEFAULT 0,
    reason            TEXT,
    iccid_range       TEXT,                      -- bulk create: "first-last"
    endpoint_status   TEXT,                      -- bulk create: the state the endpoints are created in
    processed_by      TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX job_processing_idx ON job (kind, id) WHERE status = 'PROCESSING';
CREATE INDEX job_account_idx ON job (account_id, kind, id);

CREATE TABLE job_item (
    job_id              BIGINT NOT NULL REFERENCES job (id),
    seq                 INT NOT NULL,
    value               TEXT NOT NULL,
    result_code         TEXT,
    result_description  TEXT,
    processed_by        TEXT,
    done_at             TIMESTAMPTZ,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX job_item_pending_idx ON job_item (job_id, seq) WHERE result_code IS NULL;
