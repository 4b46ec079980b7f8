-- The web portal's endpoint list (docs/portal.md): filtered by state and searched by name or IMEI
-- within one account, paged by id (keyset). Each is an index, so a page costs the same at
-- 1 000 000 endpoints as at 10. Searches by ICCID, IMSI and MSISDN use the SIM's indexes (V1, V2).
CREATE INDEX endpoint_account_status_idx ON endpoint (account_id, status, id) WHERE deleted_at IS NULL;
CREATE INDEX endpoint_account_name_idx ON endpoint (account_id, lower(name) text_pattern_ops) WHERE deleted_at IS NULL;
CREATE INDEX endpoint_account_imei_idx ON endpoint (account_id, imei) WHERE deleted_at IS NULL AND imei IS NOT NULL;
