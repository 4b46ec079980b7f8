-- Counts per state whose cost does not grow with the fleet (the portal's dashboard, "All SIMs | N" by
-- state): an account's live endpoints and its SIMs per state. Statement-level triggers append a
-- row per (account, state) a statement changes, with the change (+n / -n): plain inserts, so no
-- writer ever waits for another on a shared counter row, and no two transactions can deadlock on
-- them (a link moves a SIM then its endpoint, a lifecycle change the endpoint then its SIM). A
-- state's count is the sum of the account's rows; a periodic compaction (StateCounts) folds an
-- account's rows into one per state, so a read sums at most the rows of the last few seconds'
-- changes, whatever the number of endpoints. Replaces a GROUP BY over the account's rows (an
-- index-only scan of every endpoint or SIM of the account).
LOCK TABLE endpoint IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE sim IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE endpoint_state_count (
    account_id  BIGINT NOT NULL,
    status      TEXT NOT NULL,
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    n           BIGINT NOT NULL,
    PRIMARY KEY (account_id, status, id)
);

CREATE TABLE sim_state_count (
    account_id  BIGINT NOT NULL,
    status      TEXT NOT NULL,
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    n           BIGINT NOT NULL,
    PRIMARY KEY (account_id, status, id)
);

INSERT INTO endpoint_state_count (account_id, status, n)
SELECT account_id, status, count(*) FROM endpoint WHERE deleted_at IS NULL GROUP BY account_id, status;

INSERT INTO sim_state_count (account_id, status, n)
SELECT account_id, status, count(*) FROM sim GROUP BY account_id, status;

-- endpoints: created live; then a change of state, or deleted (deleted_at set), moves one count to another

CREATE FUNCTION endpoint_state_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO endpoint_state_count (account_id, status, n)
    SELECT account_id, status, count(*) FROM new_rows WHERE deleted_at IS NULL GROUP BY account_id, status;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_state_insert AFTER INSERT ON endpoint
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_state_after_insert();

CREATE FUNCTION endpoint_state_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO endpoint_state_count (account_id, status, n)
    SELECT account_id, status, sum(d) FROM (
        SELECT o.account_id, o.status, -1 AS d
        FROM old_rows o JOIN new_rows n ON n.account_id = o.account_id AND n.id = o.id
        WHERE o.deleted_at IS NULL AND (n.deleted_at IS NOT NULL OR n.status <> o.status)
        UNION ALL
        SELECT n.account_id, n.status, 1
        FROM new_rows n JOIN old_rows o ON o.account_id = n.account_id AND o.id = n.id
        WHERE n.deleted_at IS NULL AND (o.deleted_at IS NOT NULL OR n.status <> o.status)
    ) moved
    GROUP BY account_id, status
    HAVING sum(d) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_state_update AFTER UPDATE ON endpoint
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_state_after_update();

-- rows deleted (the platform never deletes an endpoint row; an operator's repair might)
CREATE FUNCTION endpoint_state_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO endpoint_state_count (account_id, status, n)
    SELECT account_id, status, -count(*) FROM old_rows WHERE deleted_at IS NULL GROUP BY account_id, status;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_state_delete AFTER DELETE ON endpoint
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_state_after_delete();

-- SIMs: imported, then moved between states

CREATE FUNCTION sim_state_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sim_state_count (account_id, status, n)
    SELECT account_id, status, count(*) FROM new_rows GROUP BY account_id, status;
    RETURN NULL;
END $$;

CREATE TRIGGER sim_state_insert AFTER INSERT ON sim
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_state_after_insert();

CREATE FUNCTION sim_state_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sim_state_count (account_id, status, n)
    SELECT account_id, status, sum(d) FROM (
        SELECT o.account_id, o.status, -1 AS d
        FROM old_rows o JOIN new_rows n ON n.account_id = o.account_id AND n.id = o.id
        WHERE n.status <> o.status
        UNION ALL
        SELECT n.account_id, n.status, 1
        FROM new_rows n JOIN old_rows o ON o.account_id = n.account_id AND o.id = n.id
        WHERE n.status <> o.status
    ) moved
    GROUP BY account_id, status
    HAVING sum(d) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER sim_state_update AFTER UPDATE ON sim
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_state_after_update();

CREATE FUNCTION sim_state_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sim_state_count (account_id, status, n)
    SELECT account_id, status, -count(*) FROM old_rows GROUP BY account_id, status;
    RETURN NULL;
END $$;

CREATE TRIGGER sim_state_delete AFTER DELETE ON sim
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sim_state_after_delete();
