-- Pipeline: per-stage settings, a deal's own probability, and grouped edits for undo/redo.

-- Default win probability (basis points) and staleness threshold (days) of each open stage.
CREATE TABLE stage_settings (
    stage          TEXT PRIMARY KEY
        CHECK (stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation')),
    probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
    stale_days     INTEGER NOT NULL CHECK (stale_days > 0)
) STRICT;
INSERT INTO stage_settings (stage, probability_bp, stale_days) VALUES
    ('Lead', 1000, 30),
    ('Qualified', 2500, 21),
    ('Proposal', 5000, 14),
    ('Negotiation', 7000, 10);

-- A deal's own win probability; NULL means its stage's default. It survives stage moves.
ALTER TABLE deals ADD COLUMN probability_bp INTEGER
    CHECK (probability_bp IS NULL OR probability_bp BETWEEN 0 AND 10000);

-- Edits made by one action share a batch (the id of its first edit); undo and redo act on a batch.
-- `actor` is who made the edit (the login name), for the history list.
ALTER TABLE edits ADD COLUMN batch INTEGER;
UPDATE edits SET batch = id WHERE batch IS NULL;
ALTER TABLE edits ADD COLUMN actor TEXT NOT NULL DEFAULT '';
-- An undone batch stops being redoable once a new change is made after it.
ALTER TABLE edits ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1));
CREATE INDEX edits_by_batch ON edits (batch);

-- The board lists each stage's deals by amount or by expected close date.
CREATE INDEX deals_by_stage_amount ON deals (stage, amount_cents);
