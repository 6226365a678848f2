-- A product's margin may be unknown (files such as the Maven export carry prices but no margins).
-- Imports used to store 0 for an unknown margin; a margin of exactly 0% is read as unknown.
ALTER TABLE products ADD COLUMN margin_known INTEGER NOT NULL DEFAULT 1 CHECK (margin_known IN (0, 1));
UPDATE products SET margin_known = 0 WHERE margin_bp = 0;
