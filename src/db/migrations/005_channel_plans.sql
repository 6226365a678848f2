-- Planned monthly spend per channel: the Channels screen's `:apply` writes the recommended split
-- of a budget here for the month after the latest month of history (one undoable batch).
CREATE TABLE channel_plans (
    channel_id  INTEGER NOT NULL REFERENCES channels (id),
    month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    spend_cents INTEGER NOT NULL CHECK (spend_cents >= 0),
    PRIMARY KEY (channel_id, month)
) STRICT;
