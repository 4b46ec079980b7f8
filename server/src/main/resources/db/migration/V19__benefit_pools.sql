-- Pooled dynamic benefits (docs/usage.md): the free data of a pooled dynamic benefit is shared
-- by every endpoint of the account that holds it, per period (the calendar month, or one period
-- for a benefit that does not renew). Rating holds the pool's row while it takes from it.
CREATE TABLE benefit_pool_usage (
    account_id    BIGINT NOT NULL,
    benefit_id    BIGINT NOT NULL,
    period_start  TIMESTAMPTZ NOT NULL,
    actual        BIGINT NOT NULL,
    used          BIGINT NOT NULL,
    PRIMARY KEY (account_id, benefit_id, period_start),
    CHECK (used >= 0 AND used <= actual)
);
