-- The private-network model (issue 12; docs/network.md "Private network", docs/lifecycle.md):
-- VSlices with an IPv4 subnet, endpoint groups in a slice, the endpoints' group membership with
-- their static address, the account's opt-in to "no group, no service", and the activation code
-- printed on each SIM (claimed with its ICCID). Every table is keyed by account (docs/scaling.md).

-- 1. An account that opts in: its endpoints are pending (30) until they are in an endpoint group.
ALTER TABLE account ADD COLUMN endpoint_group_required BOOLEAN NOT NULL DEFAULT FALSE;

-- 2. VSlices: an account's private networks. next_host is where the automatic allocation looks
--    next (an offset into the subnet), so it does not scan the addresses already given.
CREATE SEQUENCE vslice_id_seq START WITH 7100001;
CREATE SEQUENCE endpoint_group_id_seq START WITH 7200001;

CREATE TABLE vslice (
    account_id  BIGINT NOT NULL REFERENCES account (id),
    id          BIGINT NOT NULL,
    name        TEXT NOT NULL,
    subnet      CIDR NOT NULL CHECK (family(subnet) = 4 AND masklen(subnet) BETWEEN 8 AND 30),
    next_host   BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX vslice_name_idx ON vslice (account_id, lower(name));

-- 3. Endpoint groups, each in one slice; names unique in the account whatever their case.
CREATE TABLE endpoint_group (
    account_id  BIGINT NOT NULL,
    id          BIGINT NOT NULL,
    vslice_id   BIGINT NOT NULL,
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, id),
    -- the target of the members' foreign key: a member's slice is its group's slice
    UNIQUE (account_id, id, vslice_id),
    FOREIGN KEY (account_id, vslice_id) REFERENCES vslice (account_id, id)
);
CREATE UNIQUE INDEX endpoint_group_name_idx ON endpoint_group (account_id, lower(name));
CREATE INDEX endpoint_group_vslice_idx ON endpoint_group (account_id, vslice_id, id);

-- 4. Membership: an endpoint is in at most one group (the primary key) and holds one address of
--    its group's slice; no two endpoints of a slice hold the same address (the unique constraint,
--    which is what keeps concurrent assignments apart).
CREATE TABLE endpoint_group_member (
    account_id   BIGINT NOT NULL,
    endpoint_id  BIGINT NOT NULL,
    group_id     BIGINT NOT NULL,
    vslice_id    BIGINT NOT NULL,
    ip_address   INET NOT NULL CHECK (family(ip_address) = 4 AND masklen(ip_address) = 32),
    assigned_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, endpoint_id),
    CONSTRAINT endpoint_group_member_address_key UNIQUE (account_id, vslice_id, ip_address),
    FOREIGN KEY (account_id, endpoint_id) REFERENCES endpoint (account_id, id),
    FOREIGN KEY (account_id, group_id, vslice_id) REFERENCES endpoint_group (account_id, id, vslice_id)
);
-- GetEndpoints?endpointGroupId= pages a group's members in endpoint id order
CREATE INDEX endpoint_group_member_group_idx ON endpoint_group_member (account_id, group_id, endpoint_id);

-- 5. The activation code printed on a SIM (8 characters of an alphabet without 0/O, 1/I), kept
--    apart from the SIM's row so that no list of SIMs can show it, with its wrong attempts.
--    SIMs imported before get one here, from PostgreSQL's strong random source
--    (gen_random_uuid: bytes 0-5 and 10-11 are random, each taken modulo 32).
CREATE TABLE sim_claim_code (
    account_id       BIGINT NOT NULL,
    sim_id           BIGINT NOT NULL,
    code             TEXT NOT NULL CHECK (code ~ '^[2-9A-HJ-NP-Z]{8}$'),
    failed_attempts  INT NOT NULL DEFAULT 0,
    blocked_until    TIMESTAMPTZ,
    PRIMARY KEY (account_id, sim_id),
    FOREIGN KEY (account_id, sim_id) REFERENCES sim (account_id, id)
);

WITH r AS (SELECT account_id, id, uuid_send(gen_random_uuid()) AS b FROM sim)
INSERT INTO sim_claim_code (account_id, sim_id, code)
SELECT r.account_id, r.id,
       (SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(r.b, i) % 32 + 1, 1), '' ORDER BY o)
        FROM unnest(ARRAY[0, 1, 2, 3, 4, 5, 10, 11]) WITH ORDINALITY AS x(i, o))
FROM r;
