-- Set from a sequence with every change of an account's catalog (APN groups, profiles, plans,
-- benefits, value-added features, tags), so that every server instance can cache the catalog
-- and know with one cheap read whether its copy is current. A sequence, not an increment: a
-- rolled-back change never gives its number back, so a snapshot cached from an uncommitted
-- change can never match a later committed version.
CREATE SEQUENCE catalog_version_seq;
ALTER TABLE account ADD COLUMN catalog_version BIGINT NOT NULL DEFAULT 0;
