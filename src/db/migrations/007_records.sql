-- Records: contacts per customer, customer tags (needs and interests), and the text of an activity.
-- Existing files keep working: the new tables start empty and old activities get empty text.

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (name <> ''),
    role        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX contacts_by_customer ON contacts (customer_id);
CREATE INDEX contacts_by_email ON contacts (email COLLATE NOCASE) WHERE email <> '';

-- A need or an interest of a customer, as a short tag the Customers screen can filter on.
CREATE TABLE customer_tags (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('need', 'interest')),
    tag         TEXT NOT NULL CHECK (tag <> ''),
    UNIQUE (customer_id, kind, tag)
) STRICT;
CREATE INDEX customer_tags_by_tag ON customer_tags (kind, tag);

-- What was said or done: the text of a call, email, meeting or note.
ALTER TABLE activities ADD COLUMN text TEXT NOT NULL DEFAULT '';

-- Search by the start of a name or title, case-insensitive (LIKE 'text%' uses these).
CREATE INDEX contacts_by_name ON contacts (name COLLATE NOCASE);
CREATE INDEX deals_by_title ON deals (title COLLATE NOCASE);
CREATE INDEX tasks_by_title ON tasks (title COLLATE NOCASE);

-- The pipeline list's pages: open deals by amount and by expected close, without a full scan.
CREATE INDEX deals_open_by_amount ON deals (amount_cents) WHERE closed_on IS NULL;
CREATE INDEX deals_open_by_close ON deals (expected_close_on) WHERE closed_on IS NULL;
