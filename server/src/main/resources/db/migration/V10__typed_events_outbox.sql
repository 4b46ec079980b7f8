-- Typed endpoint events and the outbox. Every event keeps the columns GetEndpointEvents shows and
-- gains its type, a versioned JSON payload (the typed event's fields) and a position in its
-- account's stream: gap-free and in commit order per account (event_stream's row is bumped by
-- the append and stays locked until commit). Consumers keep their own position per account in
-- outbox_cursor and lease it while they work, so several instances share the work.
ALTER TABLE endpoint_event
    ADD COLUMN type TEXT,
    ADD COLUMN payload_version INT,
    ADD COLUMN payload JSONB,
    ADD COLUMN position BIGINT;

-- the rows written before events were typed: their type from the call, no payload (version 0)
UPDATE endpoint_event SET payload_version = 0, type = CASE
    WHEN call = 'CreateEndPoint' THEN 'EndpointCreated'
    WHEN call = 'bulkProvisioning' THEN 'EndpointProvisioned'
    WHEN call = 'LinkSim' THEN 'SimLinked'
    WHEN call = 'DeLinkSim' AND detail LIKE 'queued:%' THEN 'SimDelinkQueued'
    WHEN call = 'DeLinkSim' THEN 'SimDelinked'
    WHEN call = 'EndPointActivation' THEN 'EndpointActivated'
    WHEN call = 'EndPointLifeCycleChange' THEN 'LifecycleChanged'
    WHEN call = 'DeleteEndPoint' THEN 'EndpointDeleted'
    WHEN call = 'ChangeEndpointRoamingProfile' THEN 'RoamingProfilesChanged'
    WHEN call = 'ChangePlan' THEN 'PlanChanged'
    WHEN call = 'ModifyEndpoint' THEN 'EndpointModified'
    ELSE call END;
UPDATE endpoint_event ev SET position = n.p
FROM (SELECT id, row_number() OVER (PARTITION BY account_id ORDER BY id) AS p FROM endpoint_event) n
WHERE n.id = ev.id;

ALTER TABLE endpoint_event
    ALTER COLUMN type SET NOT NULL,
    ALTER COLUMN payload_version SET NOT NULL,
    ALTER COLUMN position SET NOT NULL,
    DROP CONSTRAINT endpoint_event_pkey,
    ADD PRIMARY KEY (account_id, id);
CREATE UNIQUE INDEX endpoint_event_position_idx ON endpoint_event (account_id, position);

CREATE TABLE event_stream (
    account_id  BIGINT PRIMARY KEY REFERENCES account (id),
    position    BIGINT NOT NULL
);
INSERT INTO event_stream (account_id, position)
SELECT account_id, max(position) FROM endpoint_event GROUP BY account_id;

CREATE TABLE outbox_cursor (
    account_id    BIGINT NOT NULL REFERENCES account (id),
    consumer      TEXT NOT NULL,
    position      BIGINT NOT NULL,
    leased_by     TEXT,
    leased_until  TIMESTAMPTZ,
    attempts      INT NOT NULL DEFAULT 0,
    last_error    TEXT,
    PRIMARY KEY (account_id, consumer)
);

-- What the network side last reported per SIM (the inbound network port); read by De-Link
-- instead of asking the network under the endpoint's lock.
CREATE TABLE sim_network_state (
    account_id          BIGINT NOT NULL REFERENCES account (id),
    iccid               TEXT NOT NULL,
    data_session_since  TIMESTAMPTZ,
    reported_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, iccid)
);
