-- The catalog's version counter (V4) moves off the account row into a table of the catalog's
-- own, keyed by account_id like every tenant table: the catalog no longer writes the account
-- feature's table. An account without a row has version 0, as the column's default was.
CREATE TABLE catalog_version (
    account_id BIGINT PRIMARY KEY REFERENCES account (id),
    version    BIGINT NOT NULL
);
INSERT INTO catalog_version (account_id, version) SELECT id, catalog_version FROM account WHERE catalog_version <> 0;
ALTER TABLE account DROP COLUMN catalog_version;
