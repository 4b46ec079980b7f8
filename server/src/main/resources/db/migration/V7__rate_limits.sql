-- Fixed-window request counters shared by every instance (rate limits per account, per login
-- user, per client address). UNLOGGED: losing the counters in a crash only resets the windows.
CREATE UNLOGGED TABLE rate_limit_counter (
    key          text        PRIMARY KEY,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL
);
