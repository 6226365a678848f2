-- The book's identity and data version, and the analyses computed from it (issue 21).
--
-- `book_state.version` goes up with every row written to, changed in or deleted from `edits`
-- or `imports`: every change to the book is recorded there in the same transaction (an edit,
-- an undo, a redo, an import), so a result stored with the version it was computed at is still
-- the right one exactly while the version has not moved. `book_id` tells one book from another
-- (the demo generator, which replaces a book in place, gives it a new one).
CREATE TABLE book_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    book_id TEXT NOT NULL,
    version INTEGER NOT NULL
) STRICT;
INSERT INTO book_state (id, book_id, version) VALUES (1, lower(hex(randomblob(16))), 0);

CREATE TRIGGER edits_insert_moves_version AFTER INSERT ON edits
BEGIN UPDATE book_state SET version = version + 1; END;
CREATE TRIGGER edits_update_moves_version AFTER UPDATE ON edits
BEGIN UPDATE book_state SET version = version + 1; END;
CREATE TRIGGER edits_delete_moves_version AFTER DELETE ON edits
BEGIN UPDATE book_state SET version = version + 1; END;
CREATE TRIGGER imports_insert_moves_version AFTER INSERT ON imports
BEGIN UPDATE book_state SET version = version + 1; END;
CREATE TRIGGER imports_delete_moves_version AFTER DELETE ON imports
BEGIN UPDATE book_state SET version = version + 1; END;

-- One stored result per analysis and its parameters: trusted only while the book, its version
-- and the program that computed it are the ones reading it.
CREATE TABLE analysis_cache (
    kind        TEXT NOT NULL,
    params      TEXT NOT NULL,
    book_id     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    program     TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    payload     BLOB NOT NULL,
    PRIMARY KEY (kind, params)
) STRICT;
