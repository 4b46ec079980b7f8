-- GetEndpoints pages whose cost does not depend on their number. The live endpoints of an account
-- are counted per id bucket (id / 8192) in 4 shards (id % 4, so that concurrent creates of
-- neighbouring ids rarely wait for each other on one row), kept by statement-level triggers.
-- A page's first id is found by summing the account's bucket counts in id order up to the page's
-- offset (one row per bucket and shard, never per endpoint), then by an index-only scan of at
-- most one bucket. The total of GetEndpoints is the sum of the same rows. Replaces V5's
-- account_endpoint_count (which only knew the total).
LOCK TABLE endpoint IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE endpoint_bucket_count (
    account_id  BIGINT NOT NULL,
    bucket      BIGINT NOT NULL,    -- id / 8192
    shard       SMALLINT NOT NULL,  -- id % 4
    n           BIGINT NOT NULL,
    PRIMARY KEY (account_id, bucket, shard)
);

INSERT INTO endpoint_bucket_count (account_id, bucket, shard, n)
SELECT account_id, id / 8192, (id % 4)::smallint, count(*) FROM endpoint WHERE deleted_at IS NULL
GROUP BY account_id, id / 8192, id % 4;

DROP TRIGGER endpoint_count_insert ON endpoint;
DROP TRIGGER endpoint_count_update ON endpoint;
DROP FUNCTION endpoint_count_after_insert();
DROP FUNCTION endpoint_count_after_update();
DROP TABLE account_endpoint_count;

CREATE FUNCTION endpoint_bucket_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO endpoint_bucket_count (account_id, bucket, shard, n)
    SELECT account_id, id / 8192, (id % 4)::smallint, count(*) FROM new_rows WHERE deleted_at IS NULL
    GROUP BY account_id, id / 8192, id % 4
    ORDER BY 1, 2, 3  -- rows locked in one order by every writer: no deadlock between two bulks
    ON CONFLICT (account_id, bucket, shard) DO UPDATE SET n = endpoint_bucket_count.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_bucket_insert AFTER INSERT ON endpoint
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_bucket_after_insert();

CREATE FUNCTION endpoint_bucket_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO endpoint_bucket_count (account_id, bucket, shard, n)
    SELECT n.account_id, n.id / 8192, (n.id % 4)::smallint,
           sum(CASE WHEN o.deleted_at IS NULL AND n.deleted_at IS NOT NULL THEN -1
                    WHEN o.deleted_at IS NOT NULL AND n.deleted_at IS NULL THEN 1 ELSE 0 END)
    FROM new_rows n JOIN old_rows o ON o.account_id = n.account_id AND o.id = n.id
    WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
    GROUP BY n.account_id, n.id / 8192, n.id % 4
    ORDER BY 1, 2, 3
    ON CONFLICT (account_id, bucket, shard) DO UPDATE SET n = endpoint_bucket_count.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE TRIGGER endpoint_bucket_update AFTER UPDATE ON endpoint
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endpoint_bucket_after_update();
