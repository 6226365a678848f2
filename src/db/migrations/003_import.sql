-- Import: the id a record has in the system it was imported from, so re-importing the same file
-- updates those records instead of duplicating them. NULL for records made in salesdesk.
ALTER TABLE reps ADD COLUMN external_id TEXT;
ALTER TABLE products ADD COLUMN external_id TEXT;
ALTER TABLE customers ADD COLUMN external_id TEXT;
ALTER TABLE deals ADD COLUMN external_id TEXT;
ALTER TABLE tasks ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX reps_by_external_id ON reps (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX products_by_external_id ON products (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX customers_by_external_id ON customers (external_id)
    WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX deals_by_external_id ON deals (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX tasks_by_external_id ON tasks (external_id) WHERE external_id IS NOT NULL;
