-- Quotas can be imported (`salesdesk import FILE --kind quotas`): each row remembers its import,
-- so that the import is undone as one step like the other kinds.
ALTER TABLE quotas ADD COLUMN import_id INTEGER;
CREATE INDEX quotas_by_import ON quotas (import_id) WHERE import_id IS NOT NULL;
