-- GetEndpoints answers totalNoOfRecords without counting the account's endpoints: the count is
-- kept by statement-level triggers in 16 shards per account (so that concurrent creates rarely
-- wait for each other on one counter row), and read as the sum of at most 16 rows.
-- No endpoint may be written by another instance between the seeding count and the triggers.
LOCK TABLE endpoint IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE account_endpoint_count (
    account_id  BIGINT NOT NULL,
    shard       SMALLINT NOT NULL,
    n           BIGINT NOT NULL,
    PRIMARY KEY (account_id, shard)
);

INSERT INTO account_endpoint_count (account_id, shard, n)
SELECT account_id, 0, count(*) FROM endpoint WHERE deleted_at IS NULL GROUP BY account_id;

CREATE FUNCTION endpoint_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_endpoint_count (account_id, shard, n)
    SELECT account_id, floor(random() * 16)::smallint, count(*) FROM new_rows WHERE deleted_at IS NULL GROUP BY account_id
    ON CONFLICT (account_id, shard) DO UPDATE SET n = account_endpoint_count.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_count_insert AFTER INSERT ON endpoint
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_count_after_insert();

CREATE FUNCTION endpoint_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_endpoint_count (account_id, shard, n)
    SELECT n.account_id, floor(random() * 16)::smallint,
           sum(CASE WHEN o.deleted_at IS NULL AND n.deleted_at IS NOT NULL THEN -1
                    WHEN o.deleted_at IS NOT NULL AND n.deleted_at IS NULL THEN 1 ELSE 0 END)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
    GROUP BY n.account_id
    ON CONFLICT (account_id, shard) DO UPDATE SET n = account_endpoint_count.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_count_update AFTER UPDATE ON endpoint
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_count_after_update();
