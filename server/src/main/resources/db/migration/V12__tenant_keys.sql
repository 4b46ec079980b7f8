-- Keys that can be split by tenant (docs/scaling.md). Every tenant table gets account_id first in
-- its primary key, in its unique constraints and in every foreign key to another tenant table, so
-- that the schema can be distributed by account_id on Citus. Works on a populated database.
--
-- Platform-wide uniqueness of a SIM's ICCID, master IMSI, MSISDN and EID moves from sim's own
-- UNIQUE constraints (which a table distributed by account_id cannot keep) to sim_identity, keyed
-- by the number itself. Endpoint, SIM, tag, job and catalog ids stay unique platform-wide because
-- they come from sequences (docs/scaling.md says what that relies on).
--
-- Written not to depend on V10/V11 (other branches): foreign keys that point at a re-keyed table
-- are found in the catalog, whatever table they come from, and re-created with account_id first.
-- job, job_item and endpoint_event keep their primary keys here: V10/V11 own them.

-- 1. roaming_network had no account_id: it takes its profile's.
ALTER TABLE roaming_network ADD COLUMN account_id BIGINT;
UPDATE roaming_network n SET account_id = p.account_id FROM roaming_profile p WHERE p.id = n.roaming_profile_id;
ALTER TABLE roaming_network ALTER COLUMN account_id SET NOT NULL;

-- 2. The platform-wide numbers of SIMs, one row per number (value first: on Citus the table is
--    distributed by it, so that the primary key is the platform-wide unique constraint). Filled
--    while sim's global UNIQUE constraints still hold, so this cannot conflict.
CREATE TABLE sim_identity (
    value       TEXT   NOT NULL,
    kind        TEXT   NOT NULL CHECK (kind IN ('iccid', 'imsi', 'msisdn', 'eid')),
    account_id  BIGINT NOT NULL REFERENCES account (id),
    sim_id      BIGINT NOT NULL,
    PRIMARY KEY (value, kind)
);
INSERT INTO sim_identity (value, kind, account_id, sim_id)
SELECT x.value, x.kind, s.account_id, s.id
FROM sim s CROSS JOIN LATERAL (VALUES (s.iccid, 'iccid'), (s.master_imsi, 'imsi'), (s.msisdn, 'msisdn'), (s.eid, 'eid')) AS x(value, kind)
WHERE x.value IS NOT NULL;

-- 3. Re-keying. Constraint names are looked up in the catalog (V1 let PostgreSQL name them).
DO $$
DECLARE
    tenant CONSTANT text[] := ARRAY['activity_log', 'apn_group', 'service_profile', 'roaming_profile', 'roaming_network',
        'plan', 'dynamic_benefit', 'tag', 'endpoint', 'sim', 'endpoint_tag', 'endpoint_addon', 'endpoint_value_added_feature'];
    t text;
    c record;
    cols text[];
    action text;
BEGIN
    -- 3a. every foreign key pointing at one of these tables, from any table: remembered, then dropped
    CREATE TEMP TABLE v12_fk ON COMMIT DROP AS
    SELECT con.conname, con.conrelid::regclass AS src, con.confrelid::regclass AS dst,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS refcols,
           con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable, con.condeferred
    FROM pg_constraint con
    WHERE con.contype = 'f' AND con.confrelid IN (SELECT to_regclass(x) FROM unnest(tenant) AS x);
    FOR c IN SELECT * FROM v12_fk LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.src, c.conname);
    END LOOP;

    -- 3b. primary keys and unique constraints: account_id first, the other columns in their order
    FOREACH t IN ARRAY tenant LOOP
        FOR c IN
            SELECT con.conname, con.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(n, i)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols
            FROM pg_constraint con
            WHERE con.conrelid = to_regclass(t) AND con.contype IN ('p', 'u')
            ORDER BY con.contype, con.conname
        LOOP
            CONTINUE WHEN c.cols[1] = 'account_id';
            cols := 'account_id'::text || array_remove(c.cols, 'account_id');
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD %s (%s)', t, c.conname,
                           CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END,
                           (SELECT string_agg(quote_ident(x), ', ') FROM unnest(cols) AS x));
        END LOOP;
    END LOOP;

    -- 3c. the foreign keys again, each with account_id first on both sides
    FOR c IN SELECT * FROM v12_fk LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = c.src AND attname = 'account_id' AND NOT attisdropped) THEN
            RAISE EXCEPTION 'V12: % references % (constraint %) but has no account_id column to reference it with', c.src, c.dst, c.conname;
        END IF;
        cols := array_remove(c.cols, 'account_id');
        action := CASE c.confdeltype WHEN 'r' THEN ' ON DELETE RESTRICT' WHEN 'c' THEN ' ON DELETE CASCADE'
            -- account_id must not be nulled with the rest (PostgreSQL 15: a column list)
            WHEN 'n' THEN format(' ON DELETE SET NULL (%s)', (SELECT string_agg(quote_ident(x), ', ') FROM unnest(cols) AS x))
            WHEN 'd' THEN format(' ON DELETE SET DEFAULT (%s)', (SELECT string_agg(quote_ident(x), ', ') FROM unnest(cols) AS x))
            ELSE '' END;
        IF c.confupdtype NOT IN ('a', 'r') THEN
            RAISE EXCEPTION 'V12: % has an ON UPDATE action this migration does not carry over', c.conname;
        END IF;
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (%s) REFERENCES %s (%s)%s%s%s%s',
                       c.src, c.conname,
                       (SELECT string_agg(quote_ident(x), ', ') FROM unnest('account_id'::text || cols) AS x),
                       c.dst,
                       (SELECT string_agg(quote_ident(x), ', ') FROM unnest('account_id'::text || array_remove(c.refcols, 'account_id')) AS x),
                       CASE c.confmatchtype WHEN 'f' THEN ' MATCH FULL' ELSE '' END,
                       CASE c.confupdtype WHEN 'r' THEN ' ON UPDATE RESTRICT' ELSE '' END,
                       action,
                       CASE WHEN c.condeferrable THEN ' DEFERRABLE' || CASE WHEN c.condeferred THEN ' INITIALLY DEFERRED' ELSE '' END ELSE '' END);
    END LOOP;
END $$;

-- 4. Indexes the new keys make redundant (each is a prefix of a primary key or unique
--    constraint now), and the add-on look-up by endpoint with its account.
DROP INDEX apn_group_account_idx, service_profile_account_idx, roaming_profile_account_idx, dynamic_benefit_account_idx,
    tag_account_idx, activity_log_account_idx, sim_account_idx, sim_account_msisdn_idx, sim_account_imsi_idx,
    endpoint_addon_endpoint_idx;
CREATE INDEX endpoint_addon_endpoint_idx ON endpoint_addon (account_id, endpoint_id);

-- 5. The endpoint counter's update trigger (V5) pairs old and new rows by their whole key.
CREATE OR REPLACE FUNCTION endpoint_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_endpoint_count (account_id, shard, n)
    SELECT n.account_id, floor(random() * 16)::smallint,
           sum(CASE WHEN o.deleted_at IS NULL AND n.deleted_at IS NOT NULL THEN -1
                    WHEN o.deleted_at IS NOT NULL AND n.deleted_at IS NULL THEN 1 ELSE 0 END)
    FROM new_rows n JOIN old_rows o ON o.account_id = n.account_id AND o.id = n.id
    WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
    GROUP BY n.account_id
    ON CONFLICT (account_id, shard) DO UPDATE SET n = account_endpoint_count.n + EXCLUDED.n;
    RETURN NULL;
END $$;
