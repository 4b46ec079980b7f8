-- The account's usage per day and service (docs/usage.md, "The account's daily aggregate"):
-- the sum over its endpoints of usage_daily, kept by ingestion in the same transaction
-- (UsageRepository.addAccountDaily), so the portal's dashboard, Statistics and Billing read at
-- most a month's or a range's days (x 4 services) whatever the number of endpoints.
CREATE TABLE usage_account_daily (
    account_id   BIGINT NOT NULL,
    day          DATE NOT NULL,
    service      TEXT NOT NULL,
    uplink       BIGINT NOT NULL,
    downlink     BIGINT NOT NULL,
    count        BIGINT NOT NULL,
    cost         NUMERIC(20, 5) NOT NULL,
    PRIMARY KEY (account_id, day, service)
);

-- what was ingested before this table existed
INSERT INTO usage_account_daily (account_id, day, service, uplink, downlink, count, cost)
SELECT account_id, day, service, sum(uplink), sum(downlink), sum(count), sum(cost)
FROM usage_daily
GROUP BY account_id, day, service;
