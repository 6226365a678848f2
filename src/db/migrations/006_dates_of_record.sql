-- Dates of record: a customer whose file gave no creation date is dated by its earliest deal or
-- activity (1 = inferred, recomputed after each import; 0 = given by a file or the desk).
ALTER TABLE customers ADD COLUMN created_on_inferred INTEGER NOT NULL DEFAULT 0
    CHECK (created_on_inferred IN (0, 1));
