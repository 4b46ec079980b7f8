-- An account's time zone (an IANA name, e.g. Europe/Belgrade): the timestamps of its users'
-- answers are written in it, and GetEndPointProfile shows it. NULL: the platform's zone
-- (simfleet.time-zone, UTC by default).
ALTER TABLE account ADD COLUMN time_zone TEXT;
