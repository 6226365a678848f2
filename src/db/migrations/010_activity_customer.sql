-- An activity may be logged on a deal that has no customer (most open deals of the Maven export
-- name none): customer_id becomes optional. SQLite cannot drop a NOT NULL in place, so the table
-- is rebuilt with the same rows, ids and indexes; nothing refers to an activity by id. The rows
-- wait in a plain copy rather than a renamed table: after an ALTER TABLE … RENAME, SQLite's
-- bundled build refuses a later `PRAGMA wal_checkpoint(TRUNCATE)` on the same connection with
-- "database table is locked".
CREATE TABLE activities_copy AS
    SELECT id, customer_id, deal_id, rep_id, kind, happened_on, text FROM activities;
DROP TABLE activities;
CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id),
    deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    rep_id      INTEGER REFERENCES reps (id),
    kind        TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    CHECK (customer_id IS NOT NULL OR deal_id IS NOT NULL)
) STRICT;
INSERT INTO activities (id, customer_id, deal_id, rep_id, kind, happened_on, text)
    SELECT id, customer_id, deal_id, rep_id, kind, happened_on, text FROM activities_copy;
DROP TABLE activities_copy;
CREATE INDEX activities_by_customer ON activities (customer_id, happened_on);
CREATE INDEX activities_by_deal ON activities (deal_id);
