-- Endpoint lifecycle: barred services, the de-link waiting for a data session to end, and the
-- lookups by IMSI / MSISDN used by Modify, Lifecycle Change, Roaming Profile and Plan Change.
ALTER TABLE endpoint ADD COLUMN barred_services TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE endpoint ADD COLUMN delink_pending_since TIMESTAMPTZ;

CREATE INDEX endpoint_delink_pending_idx ON endpoint (delink_pending_since) WHERE delink_pending_since IS NOT NULL;
CREATE INDEX sim_account_msisdn_idx ON sim (account_id, msisdn);
CREATE INDEX sim_account_imsi_idx ON sim (account_id, master_imsi);
