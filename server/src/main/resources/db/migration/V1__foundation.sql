-- Foundation schema: accounts and users, catalog, SIM inventory, endpoints, tags, events.
-- Every tenant table carries account_id (the future Citus distribution column) and every
-- query filters on it.

CREATE SEQUENCE account_id_seq START WITH 41100000;
CREATE SEQUENCE sim_id_seq START WITH 113076;
CREATE SEQUENCE endpoint_id_seq START WITH 51368592;
CREATE SEQUENCE tag_id_seq START WITH 2845001;
CREATE SEQUENCE catalog_id_seq START WITH 560000;

CREATE TABLE account (
    id                    BIGINT PRIMARY KEY,
    parent_id             BIGINT REFERENCES account (id),
    type                  TEXT NOT NULL CHECK (type IN ('OPERATOR', 'RESELLER', 'ENTERPRISE')),
    name                  TEXT NOT NULL,
    subscriber_type       SMALLINT NOT NULL DEFAULT 1 CHECK (subscriber_type IN (0, 1)),
    oem_enabled           BOOLEAN NOT NULL DEFAULT FALSE,
    dynamic_benefit_only  BOOLEAN NOT NULL DEFAULT FALSE,
    low_balance           BOOLEAN NOT NULL DEFAULT FALSE,
    active                BOOLEAN NOT NULL DEFAULT TRUE,
    currency_id           TEXT NOT NULL DEFAULT '44',
    currency              TEXT NOT NULL DEFAULT 'EUR',
    created_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_parent_idx ON account (parent_id);

CREATE TABLE app_user (
    id               BIGSERIAL PRIMARY KEY,
    username         TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,
    account_id       BIGINT NOT NULL REFERENCES account (id),
    failed_attempts  INT NOT NULL DEFAULT 0,
    blocked_until    TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX app_user_account_idx ON app_user (account_id);

-- Who did what on an account: support access by a reseller, operator changes.
CREATE TABLE activity_log (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT NOT NULL REFERENCES account (id),
    at                TIMESTAMPTZ NOT NULL,
    actor_username    TEXT NOT NULL,
    actor_account_id  BIGINT NOT NULL,
    action            TEXT NOT NULL,
    detail            TEXT
);
CREATE INDEX activity_log_account_idx ON activity_log (account_id, id);

CREATE TABLE apn_group (
    account_id   BIGINT NOT NULL REFERENCES account (id),
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    default_apn  TEXT NOT NULL,
    apns         TEXT[] NOT NULL
);
CREATE INDEX apn_group_account_idx ON apn_group (account_id);

CREATE TABLE service_profile (
    account_id         BIGINT NOT NULL REFERENCES account (id),
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    service_category   TEXT NOT NULL DEFAULT '0',
    network_type_id    TEXT NOT NULL DEFAULT '1',
    services           TEXT NOT NULL,          -- SFT service ids, e.g. '9|2'
    access_variant_id  TEXT NOT NULL,          -- e.g. '3|2|4'
    rat_type           TEXT NOT NULL,          -- 01, 02, 06, 10
    features           JSONB NOT NULL
);
CREATE INDEX service_profile_account_idx ON service_profile (account_id);

CREATE TABLE roaming_profile (
    account_id  BIGINT NOT NULL REFERENCES account (id),
    id          BIGINT PRIMARY KEY,
    name        TEXT NOT NULL,
    is_test     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX roaming_profile_account_idx ON roaming_profile (account_id);

CREATE TABLE roaming_network (
    roaming_profile_id  BIGINT NOT NULL REFERENCES roaming_profile (id),
    position            INT NOT NULL,
    operator_id         TEXT NOT NULL,
    operator_name       TEXT NOT NULL,
    category_group_id   TEXT NOT NULL,         -- sponsor IR1..IR4
    tadig_code          TEXT NOT NULL,
    country_name        TEXT NOT NULL,
    mcc_mnc             TEXT NOT NULL,         -- comma separated, e.g. '310150,310410,310170'
    PRIMARY KEY (roaming_profile_id, position)
);

CREATE TABLE plan (
    account_id          BIGINT NOT NULL REFERENCES account (id),
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    description         TEXT NOT NULL,
    category            TEXT NOT NULL CHECK (category IN ('NORMAL', 'ADDON', 'TEST', 'INVENTORY')),
    plan_type           SMALLINT NOT NULL CHECK (plan_type IN (0, 1)),
    validity_days       INT NOT NULL,
    service_ids         TEXT NOT NULL,
    service_names       TEXT NOT NULL,
    amount              NUMERIC(14, 2) NOT NULL DEFAULT 0,
    effective_at        TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    roaming_profile_ids BIGINT[] NOT NULL,     -- destGroupId
    service_profile_id  TEXT NOT NULL REFERENCES service_profile (id),
    benefits            JSONB NOT NULL DEFAULT '[]',
    counters            JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX plan_account_idx ON plan (account_id, category);

CREATE TABLE dynamic_benefit (
    account_id           BIGINT NOT NULL REFERENCES account (id),
    id                   BIGINT PRIMARY KEY,
    name                 TEXT NOT NULL,
    pooled               BOOLEAN NOT NULL,
    priority             INT NOT NULL DEFAULT 1,
    roaming_profile_ids  BIGINT[] NOT NULL,    -- coverage
    data_mb              BIGINT NOT NULL DEFAULT 0,
    auto_renewal         BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX dynamic_benefit_account_idx ON dynamic_benefit (account_id);

CREATE TABLE value_added_feature (
    account_id  BIGINT NOT NULL REFERENCES account (id),
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE sim_product (
    id          BIGINT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    card_class  TEXT NOT NULL
);

CREATE TABLE endpoint (
    account_id           BIGINT NOT NULL REFERENCES account (id),
    id                   BIGINT PRIMARY KEY,
    name                 TEXT NOT NULL,
    status               TEXT NOT NULL,
    subscriber_type      SMALLINT NOT NULL,
    plan_id              TEXT NOT NULL REFERENCES plan (id),
    apn_group_id         TEXT NOT NULL REFERENCES apn_group (id),
    roaming_profile_ids  BIGINT[] NOT NULL,
    monthly_limit        NUMERIC(14, 2),
    imei                 TEXT,
    imei_locked          BOOLEAN NOT NULL DEFAULT FALSE,
    dynamic_benefit_id   BIGINT REFERENCES dynamic_benefit (id),
    created_at           TIMESTAMPTZ NOT NULL,
    plan_effective_at    TIMESTAMPTZ NOT NULL,
    activated_at         TIMESTAMPTZ,
    last_sim_state_change_at TIMESTAMPTZ,
    deleted_at           TIMESTAMPTZ,
    version              INT NOT NULL DEFAULT 0
);
-- GetEndpoints pages by id inside one account.
CREATE INDEX endpoint_account_idx ON endpoint (account_id, id) WHERE deleted_at IS NULL;

CREATE TABLE sim (
    account_id                BIGINT NOT NULL REFERENCES account (id),
    id                        BIGINT PRIMARY KEY,
    iccid                     TEXT NOT NULL UNIQUE,
    master_imsi               TEXT NOT NULL UNIQUE,
    supplier_imsis            JSONB NOT NULL DEFAULT '[]',  -- [{"sponsorName","supplierIMSI"}]
    msisdn                    TEXT NOT NULL UNIQUE,
    eid                       TEXT UNIQUE,
    ean                       TEXT,
    activation_code           TEXT,                         -- LPA:1$<smdp>$<matchingId>, eSIM only
    product_id                BIGINT NOT NULL REFERENCES sim_product (id),
    status                    TEXT NOT NULL,
    -- A SIM is linked to at most one endpoint and an endpoint holds at most one SIM.
    endpoint_id               BIGINT UNIQUE REFERENCES endpoint (id),
    status_changed_at         TIMESTAMPTZ NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'READY_TO_ACTIVATE') = (endpoint_id IS NULL))
);
CREATE INDEX sim_account_idx ON sim (account_id, iccid);
CREATE INDEX sim_account_status_idx ON sim (account_id, status, iccid);

CREATE TABLE tag (
    account_id   BIGINT NOT NULL REFERENCES account (id),
    id           BIGINT PRIMARY KEY,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tag_account_idx ON tag (account_id, id);

CREATE TABLE endpoint_tag (
    account_id   BIGINT NOT NULL,
    endpoint_id  BIGINT NOT NULL REFERENCES endpoint (id),
    tag_id       BIGINT NOT NULL REFERENCES tag (id),
    PRIMARY KEY (endpoint_id, tag_id)
);
CREATE INDEX endpoint_tag_by_tag_idx ON endpoint_tag (account_id, tag_id, endpoint_id);

CREATE TABLE endpoint_addon (
    unique_id    BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL,
    endpoint_id  BIGINT NOT NULL REFERENCES endpoint (id),
    plan_id      TEXT NOT NULL REFERENCES plan (id),
    start_at     TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    removed_at   TIMESTAMPTZ
);
CREATE INDEX endpoint_addon_endpoint_idx ON endpoint_addon (endpoint_id);

CREATE TABLE endpoint_value_added_feature (
    account_id   BIGINT NOT NULL,
    endpoint_id  BIGINT NOT NULL REFERENCES endpoint (id),
    feature_id   TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, feature_id)
);

CREATE TABLE endpoint_event (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT NOT NULL,
    endpoint_id       BIGINT NOT NULL REFERENCES endpoint (id),
    at                TIMESTAMPTZ NOT NULL,
    actor_username    TEXT NOT NULL,
    actor_account_id  BIGINT NOT NULL,
    call              TEXT NOT NULL,
    from_status       TEXT,
    to_status         TEXT,
    reason            TEXT,
    request_id        TEXT NOT NULL,
    detail            TEXT
);
CREATE INDEX endpoint_event_endpoint_idx ON endpoint_event (account_id, endpoint_id, id);
