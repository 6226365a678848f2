-- The quarter call: a manager's forecast category per deal, and the call stored once a day.

-- A manager's forecast category of an open deal; NULL means the default from its stage and win
-- probability (see the [commit] section of the config).
ALTER TABLE deals ADD COLUMN forecast_category TEXT
    CHECK (forecast_category IS NULL
           OR forecast_category IN ('Pipeline', 'Best case', 'Commit', 'Omitted'));

-- The call of a period as stored on one day: written once, never rewritten that day.
-- `groups` holds the total, team and rep figures as JSON; `deals` the open deals in the call as
-- JSON rows [id, rep_id, amount_cents, category, expected_close_on, in_period, p_land].
CREATE TABLE commit_snapshots (
    period          TEXT NOT NULL,
    taken_on        TEXT NOT NULL,
    closed_cents    INTEGER NOT NULL,
    commit_cents    INTEGER NOT NULL,
    best_case_cents INTEGER NOT NULL,
    p10_cents       INTEGER NOT NULL,
    p50_cents       INTEGER NOT NULL,
    p90_cents       INTEGER NOT NULL,
    quota_cents     INTEGER,
    p_hit           REAL,
    groups          TEXT NOT NULL,
    deals           TEXT NOT NULL,
    PRIMARY KEY (period, taken_on)
) STRICT;
