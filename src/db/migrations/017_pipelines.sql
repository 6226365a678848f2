-- Stages as data: a book keeps one or more pipelines, each an ordered list of open stages with a
-- default win probability and a stale-after number of days; a deal belongs to one pipeline and
-- stands in one of its open stages, or is Won or Lost. Today's four stages become the "Default"
-- pipeline with the numbers they had, so an existing book works unchanged.
--
-- The fixed CHECK on deals.stage is dropped by the migration's hook (schema.rs), which edits the
-- stored CREATE TABLE as SQLite documents for removing a CHECK: rebuilding a table of millions of
-- deals, with every index and the tables that refer to it, would take minutes.

CREATE TABLE pipelines (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL
) STRICT;
INSERT INTO pipelines (id, name, position) VALUES (1, 'Default', 0);

-- The open stages of each pipeline, in `position` order. `former_names` keeps, one per line, the
-- names a stage had before a rename: stage history keeps the name a change was made under, and
-- the analytics still know which stage it was.
CREATE TABLE stages (
    id             INTEGER PRIMARY KEY,
    pipeline_id    INTEGER NOT NULL REFERENCES pipelines (id),
    name           TEXT NOT NULL
        CHECK (length(trim(name)) > 0 AND name = trim(name) AND name NOT IN ('Won', 'Lost')),
    position       INTEGER NOT NULL,
    probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
    stale_days     INTEGER NOT NULL CHECK (stale_days > 0),
    former_names   TEXT NOT NULL DEFAULT '',
    UNIQUE (pipeline_id, name)
) STRICT;
INSERT INTO stages (pipeline_id, name, position, probability_bp, stale_days)
    SELECT 1, s.stage, o.position, s.probability_bp, s.stale_days
    FROM stage_settings s
    JOIN (SELECT 'Lead' AS stage, 0 AS position UNION ALL SELECT 'Qualified', 1
          UNION ALL SELECT 'Proposal', 2 UNION ALL SELECT 'Negotiation', 3) o
        ON o.stage = s.stage;
DROP TABLE stage_settings;

-- Every deal starts in the Default pipeline. (A REFERENCES column cannot be added with a default;
-- the triggers below keep it pointing at a pipeline.)
ALTER TABLE deals ADD COLUMN pipeline_id INTEGER NOT NULL DEFAULT 1;

-- A deal's stage is one of its pipeline's open stages, or Won or Lost.
CREATE TRIGGER deals_stage_known_on_insert BEFORE INSERT ON deals
    WHEN NOT EXISTS (SELECT 1 FROM pipelines WHERE id = NEW.pipeline_id)
      OR (NEW.stage NOT IN ('Won', 'Lost')
          AND NOT EXISTS (SELECT 1 FROM stages
                          WHERE pipeline_id = NEW.pipeline_id AND name = NEW.stage))
BEGIN
    SELECT RAISE(ABORT, 'deal stage is not a stage of its pipeline');
END;
CREATE TRIGGER deals_stage_known_on_update BEFORE UPDATE OF stage, pipeline_id ON deals
    WHEN NOT EXISTS (SELECT 1 FROM pipelines WHERE id = NEW.pipeline_id)
      OR (NEW.stage NOT IN ('Won', 'Lost')
          AND NOT EXISTS (SELECT 1 FROM stages
                          WHERE pipeline_id = NEW.pipeline_id AND name = NEW.stage))
BEGIN
    SELECT RAISE(ABORT, 'deal stage is not a stage of its pipeline');
END;

-- The board reads one pipeline's column at a time, by amount or by expected close.
DROP INDEX deals_by_stage_amount;
DROP INDEX deals_by_stage_close;
CREATE INDEX deals_by_pipeline_stage_amount ON deals (pipeline_id, stage, amount_cents);
CREATE INDEX deals_by_pipeline_stage_close ON deals (pipeline_id, stage, expected_close_on);

-- The open pipeline per close month no longer names the open stages: an open deal is one
-- without a close date (the deals table checks that Won and Lost, and only they, have one).
DROP INDEX deals_open_by_close_month;
CREATE INDEX deals_open_by_close_month
    ON deals (substr(expected_close_on, 1, 7), rep_id, product_id, created_on, amount_cents,
              probability_bp, stage, pipeline_id, expected_close_on)
    WHERE closed_on IS NULL;

-- What the desk remembers between sessions of this book (the pipeline the board shows).
CREATE TABLE desk_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
