-- Dates of record: a customer whose file gave no creation date is dated by its earliest deal or
-- activity (1 = inferred, recomputed after each import; 0 = given by a file or the desk).
ALTER TABLE customers ADD COLUMN created_on_inferred INTEGER NOT NULL DEFAULT 0
    CHECK (created_on_inferred IN (0, 1));

-- Imports as undoable steps: one row per import, one `edits` batch per import. A record an import
-- created carries its id (undo deletes them); a field it changed is an `edits` row of entity
-- `import_field` with the old value (undo puts it back). Nothing else is copied.
CREATE TABLE imports (
    id        INTEGER PRIMARY KEY,
    batch     INTEGER NOT NULL,
    at        TEXT NOT NULL,
    file      TEXT NOT NULL,
    kind      TEXT NOT NULL
) STRICT;
CREATE INDEX imports_by_kind ON imports (kind, batch);
ALTER TABLE reps ADD COLUMN import_id INTEGER;
ALTER TABLE products ADD COLUMN import_id INTEGER;
ALTER TABLE customers ADD COLUMN import_id INTEGER;
ALTER TABLE deals ADD COLUMN import_id INTEGER;
ALTER TABLE tasks ADD COLUMN import_id INTEGER;
ALTER TABLE channels ADD COLUMN import_id INTEGER;
ALTER TABLE channel_months ADD COLUMN import_id INTEGER;
CREATE INDEX reps_by_import ON reps (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX products_by_import ON products (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX customers_by_import ON customers (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX deals_by_import ON deals (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX tasks_by_import ON tasks (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX channels_by_import ON channels (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX channel_months_by_import ON channel_months (import_id) WHERE import_id IS NOT NULL;
-- Deleting an import's deals checks the tasks that point at them.
CREATE INDEX tasks_by_deal ON tasks (deal_id) WHERE deal_id IS NOT NULL;
-- Desk edits of a record, to tell a re-import which fields the desk changed.
CREATE INDEX edits_by_entity ON edits (entity, entity_id);
