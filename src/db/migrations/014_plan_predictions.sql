-- What an accepted channel plan predicted: for each channel and month, the revenue the fitted
-- curve gave at the planned spend and its 95% prediction interval. Keyed by the spend too, so
-- an undo or redo that puts an older spend back finds that spend's own prediction.
CREATE TABLE channel_plan_predictions (
    channel_id    INTEGER NOT NULL REFERENCES channels (id),
    month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    spend_cents   INTEGER NOT NULL CHECK (spend_cents >= 0),
    revenue_cents INTEGER NOT NULL,
    low_cents     INTEGER NOT NULL,
    high_cents    INTEGER NOT NULL CHECK (low_cents <= high_cents),
    PRIMARY KEY (channel_id, month, spend_cents)
) STRICT;
