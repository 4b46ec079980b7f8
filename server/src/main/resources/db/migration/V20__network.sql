-- The network side (issue 12; docs/network.md): what a roaming profile says of each network, the
-- networks an endpoint has blacklisted, and what the network last reported of each SIM.

-- 1. A network in a roaming profile: barred in that profile (with the RATs barred on it), the
--    network types it supports, and the supplier priority (1..3, or B: bootstrap only).
ALTER TABLE roaming_network ADD COLUMN barred BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE roaming_network ADD COLUMN barred_rats TEXT NOT NULL DEFAULT '';
ALTER TABLE roaming_network ADD COLUMN network_types TEXT NOT NULL DEFAULT '2G|3G|4G';
ALTER TABLE roaming_network ADD COLUMN supplier_priority TEXT;

-- 2. The networks (TADIG + sponsor category group) an endpoint must not use.
CREATE TABLE endpoint_blacklist (
    account_id         BIGINT NOT NULL,
    endpoint_id        BIGINT NOT NULL,
    tadig_code         TEXT NOT NULL,
    category_group_id  TEXT NOT NULL,
    added_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, endpoint_id, tadig_code, category_group_id)
);

-- 3. What the network last reported of a SIM, beside the data session V10 keeps: attached or not,
--    where (visited network, cell), on which RAT, with which IP address and policy.
ALTER TABLE sim_network_state ADD COLUMN attached BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sim_network_state ADD COLUMN tadig_code TEXT;
ALTER TABLE sim_network_state ADD COLUMN mcc_mnc TEXT;
ALTER TABLE sim_network_state ADD COLUMN operator_name TEXT;
ALTER TABLE sim_network_state ADD COLUMN country_name TEXT;
ALTER TABLE sim_network_state ADD COLUMN rat TEXT;
ALTER TABLE sim_network_state ADD COLUMN ip_address TEXT;
ALTER TABLE sim_network_state ADD COLUMN policy TEXT;
ALTER TABLE sim_network_state ADD COLUMN attached_at TIMESTAMPTZ;
