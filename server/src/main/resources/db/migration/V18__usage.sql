-- Usage, rating and balances (issue 9; docs/usage.md).
--
-- Raw usage records are kept in monthly partitions of usage_record (by the record's day in the
-- account's time zone), created on demand by the ingestion and detachable when history is no
-- longer needed; nothing on a request path reads them. What the API reads is kept up to date
-- at ingestion, in the same transaction: daily aggregates (GetStatistics), the main account
-- (endpoint_wallet), the free units used per benefit and period (benefit_usage), and the
-- counters per period (counter_usage).

-- 1. A plan's tariff: prices per MB (DATA, NBIOT) and per message (SMS_MO, SMS_MT), optionally
--    per roaming zone (IR1..IR4), a prepaid main account's initial credit, and for an add-on
--    whether it renews at the end of its validity.
ALTER TABLE plan ADD COLUMN tariff JSONB NOT NULL DEFAULT '{}';

-- Counters defined before got the ids the API shows (C_<frequency>_<n>_CE_USAGE_<VOLUME|COUNT>_4_5_<n>).
UPDATE plan p SET counters = (
    SELECT coalesce(jsonb_agg(c.value || jsonb_build_object('counterId',
               'C_' || coalesce(c.value->>'frequency', 'Monthly') || '_' || c.ordinality || '_CE_USAGE_'
               || CASE WHEN c.value->>'thresholdUnit' = 'COUNT' THEN 'COUNT' ELSE 'VOLUME' END || '_4_5_' || c.ordinality)
             ORDER BY c.ordinality), '[]'::jsonb)
    FROM jsonb_array_elements(p.counters) WITH ORDINALITY AS c(value, ordinality))
WHERE jsonb_array_length(counters) > 0;

-- 2. Which plan an endpoint had when: usage is rated against the plan of the record's time.
--    Kept by a trigger, so every path that creates an endpoint or changes its plan writes it.
CREATE TABLE endpoint_plan_history (
    account_id   BIGINT NOT NULL,
    endpoint_id  BIGINT NOT NULL,
    valid_from   TIMESTAMPTZ NOT NULL,
    plan_id      TEXT NOT NULL,
    PRIMARY KEY (account_id, endpoint_id, valid_from)
);
INSERT INTO endpoint_plan_history (account_id, endpoint_id, valid_from, plan_id)
SELECT account_id, id, plan_effective_at, plan_id FROM endpoint;

CREATE FUNCTION endpoint_plan_history_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.plan_id IS DISTINCT FROM OLD.plan_id THEN
        INSERT INTO endpoint_plan_history (account_id, endpoint_id, valid_from, plan_id)
        VALUES (NEW.account_id, NEW.id, NEW.plan_effective_at, NEW.plan_id)
        ON CONFLICT (account_id, endpoint_id, valid_from) DO UPDATE SET plan_id = EXCLUDED.plan_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER endpoint_plan_history_insert AFTER INSERT ON endpoint
    FOR EACH ROW EXECUTE FUNCTION endpoint_plan_history_write();
CREATE TRIGGER endpoint_plan_history_update AFTER UPDATE OF plan_id ON endpoint
    FOR EACH ROW EXECUTE FUNCTION endpoint_plan_history_write();

-- 3. Add-on subscriptions: the balances adjusted at subscription (SubscribeAddon's benefit[],
--    for the first validity period only: a renewal resets to the plan's full value), whether the
--    subscription renews, and when it expired.
ALTER TABLE endpoint_addon ADD COLUMN adjusted JSONB;
ALTER TABLE endpoint_addon ADD COLUMN renews BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE endpoint_addon ADD COLUMN expired_at TIMESTAMPTZ;
CREATE INDEX endpoint_addon_due_idx ON endpoint_addon (expires_at) WHERE removed_at IS NULL AND expired_at IS NULL;

-- 4. The main account of an endpoint. Prepaid: balance in the account's currency (the wire shows
--    cents), never below zero; what a record's cost could not take is its shortfall. Postpaid: the
--    cost accumulates in the daily aggregates (a billing month is the sum of its days), so a
--    postpaid record does not write its wallet: a wallet row exists once there is something to keep (a
--    prepaid balance, a bar). Every writer of an endpoint's balances, benefits or counters holds the
--    endpoint's row (SELECT … FOR NO KEY UPDATE), so ratings of one endpoint never interleave.
CREATE TABLE endpoint_wallet (
    account_id          BIGINT NOT NULL,
    endpoint_id         BIGINT NOT NULL,
    balance             NUMERIC(20, 5) NOT NULL DEFAULT 0,
    initial             NUMERIC(20, 5) NOT NULL DEFAULT 0,
    shortfall           NUMERIC(20, 5) NOT NULL DEFAULT 0,
    balance_barred      BOOLEAN NOT NULL DEFAULT FALSE,
    counter_bar_id      TEXT,
    counter_bar_until   TIMESTAMPTZ,
    PRIMARY KEY (account_id, endpoint_id),
    CHECK (balance >= 0)
);
CREATE INDEX endpoint_wallet_counter_bar_idx ON endpoint_wallet (counter_bar_until) WHERE counter_bar_until IS NOT NULL;

-- 5. Free units used, per endpoint, benefit source (0 = the base plan, else the add-on's
--    unique_id), service and period (the period's start). The balance is actual - used.
CREATE TABLE benefit_usage (
    account_id    BIGINT NOT NULL,
    endpoint_id   BIGINT NOT NULL,
    unique_id     BIGINT NOT NULL,
    service       TEXT NOT NULL,
    period_start  TIMESTAMPTZ NOT NULL,
    actual        BIGINT NOT NULL,
    used          BIGINT NOT NULL,
    PRIMARY KEY (account_id, endpoint_id, unique_id, service, period_start),
    CHECK (used >= 0 AND used <= actual)
);

-- 6. Counters per period; a counter of the base plan has unique_id 0. fired_at: when the period's
--    usage crossed the threshold (its action applied once per period).
CREATE TABLE counter_usage (
    account_id    BIGINT NOT NULL,
    endpoint_id   BIGINT NOT NULL,
    unique_id     BIGINT NOT NULL,
    counter_id    TEXT NOT NULL,
    period_start  TIMESTAMPTZ NOT NULL,
    usage         BIGINT NOT NULL,
    fired_at      TIMESTAMPTZ,
    PRIMARY KEY (account_id, endpoint_id, unique_id, counter_id, period_start)
);

-- UpdateThreshold's per-endpoint thresholds (MB), over the plan's.
CREATE TABLE counter_threshold (
    account_id    BIGINT NOT NULL,
    endpoint_id   BIGINT NOT NULL,
    unique_id     BIGINT NOT NULL,
    counter_id    TEXT NOT NULL,
    threshold_mb  BIGINT NOT NULL,
    PRIMARY KEY (account_id, endpoint_id, unique_id, counter_id)
);

-- 7. Daily aggregates per endpoint and service (DATA, NBIOT, SMS_MO, SMS_MT): GetStatistics.
CREATE TABLE usage_daily (
    account_id   BIGINT NOT NULL,
    endpoint_id  BIGINT NOT NULL,
    day          DATE NOT NULL,
    service      TEXT NOT NULL,
    uplink       BIGINT NOT NULL,
    downlink     BIGINT NOT NULL,
    count        BIGINT NOT NULL,
    cost         NUMERIC(20, 5) NOT NULL,
    PRIMARY KEY (account_id, endpoint_id, day, service)
);

-- 8. The raw records, as the network side sent them, with their rating. A re-sent record (same
--    network record id, same day) is recognised by the primary key and counted once.
CREATE TABLE usage_record (
    account_id    BIGINT NOT NULL,
    record_id     TEXT NOT NULL,
    day           DATE NOT NULL,
    endpoint_id   BIGINT NOT NULL,
    imsi          TEXT NOT NULL,
    service       TEXT NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    duration_s    INT NOT NULL,
    uplink        BIGINT NOT NULL,
    downlink      BIGINT NOT NULL,
    count         INT NOT NULL,
    mcc_mnc       TEXT,
    rat           TEXT,
    apn           TEXT,
    zone          TEXT,
    free_units    BIGINT NOT NULL,
    cost          NUMERIC(20, 5) NOT NULL,
    ingested_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, record_id, day)
) PARTITION BY RANGE (day);
