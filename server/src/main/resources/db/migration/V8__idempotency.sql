-- Idempotency-Key on every write call (SFT API and operator API): one row per key and account,
-- with the fingerprint of the request that first used it and, once that request has finished,
-- the answer it got. A retry with the key is answered from here without doing the work again.
-- A row is IN_PROGRESS while its first request runs (owner = that request's token); it is
-- deleted when the request fails in a way a retry may fix, taken over when it was abandoned
-- (a crashed instance), and deleted by the cleanup once expired. See docs/idempotency.md.
-- job.idempotency_key and job.request_hash (V3) are no longer written or read.
CREATE TABLE idempotent_request (
    account_id       BIGINT      NOT NULL REFERENCES account (id),
    idempotency_key  TEXT        NOT NULL,
    request_hash     TEXT        NOT NULL,   -- SHA-256 of method, path as routed, query and body
    state            TEXT        NOT NULL,   -- IN_PROGRESS, DONE
    owner            TEXT,                   -- IN_PROGRESS: the token of the request doing the work
    started_at       TIMESTAMPTZ NOT NULL,   -- when the request doing the work began
    expires_at       TIMESTAMPTZ NOT NULL,
    status           INT,                    -- DONE: the stored answer
    content_type     TEXT,
    body             BYTEA,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX idempotent_request_expiry_idx ON idempotent_request (expires_at);
