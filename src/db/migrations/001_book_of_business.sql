-- The book of business: every table of DESIGN.md, STRICT, with the indexes the screens use.
-- Money is integer cents; dates are ISO text YYYY-MM-DD; booleans are 0/1.

CREATE TABLE reps (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE,
    team           TEXT NOT NULL,
    region         TEXT NOT NULL,
    max_open_tasks INTEGER NOT NULL CHECK (max_open_tasks >= 0),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE products (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    family           TEXT NOT NULL,
    list_price_cents INTEGER NOT NULL CHECK (list_price_cents >= 0),
    margin_bp        INTEGER NOT NULL CHECK (margin_bp BETWEEN -10000 AND 10000)
) STRICT;

CREATE TABLE customers (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL,
    industry             TEXT NOT NULL,
    region               TEXT NOT NULL,
    employees            INTEGER CHECK (employees >= 0),
    annual_revenue_cents INTEGER CHECK (annual_revenue_cents >= 0),
    owner_rep_id         INTEGER REFERENCES reps (id),
    created_on           TEXT NOT NULL,
    notes                TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
CREATE INDEX customers_by_owner ON customers (owner_rep_id);
CREATE INDEX customers_by_region ON customers (region);
CREATE INDEX customers_by_industry ON customers (industry);

CREATE TABLE deals (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER REFERENCES customers (id),
    rep_id            INTEGER REFERENCES reps (id),
    product_id        INTEGER REFERENCES products (id),
    title             TEXT NOT NULL,
    amount_cents      INTEGER NOT NULL CHECK (amount_cents >= 0),
    stage             TEXT NOT NULL
        CHECK (stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost')),
    created_on        TEXT NOT NULL,
    expected_close_on TEXT,
    closed_on         TEXT,
    lost_reason       TEXT,
    CHECK ((stage IN ('Won', 'Lost')) = (closed_on IS NOT NULL))
) STRICT;
-- Covers the per-customer open pipeline and trailing revenue of the customers screen.
CREATE INDEX deals_by_customer ON deals (customer_id, stage, closed_on, amount_cents);
CREATE INDEX deals_by_rep ON deals (rep_id, stage);
CREATE INDEX deals_by_stage_close ON deals (stage, expected_close_on);
CREATE INDEX deals_by_closed_on ON deals (closed_on) WHERE closed_on IS NOT NULL;

CREATE TABLE stage_changes (
    id         INTEGER PRIMARY KEY,
    deal_id    INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage   TEXT NOT NULL,
    changed_on TEXT NOT NULL
) STRICT;
CREATE INDEX stage_changes_by_deal ON stage_changes (deal_id, changed_on);

CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    rep_id      INTEGER REFERENCES reps (id),
    kind        TEXT NOT NULL,
    happened_on TEXT NOT NULL
) STRICT;
CREATE INDEX activities_by_customer ON activities (customer_id, happened_on);
CREATE INDEX activities_by_deal ON activities (deal_id);

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers (id),
    deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    rep_id      INTEGER REFERENCES reps (id),
    due_on      TEXT,
    est_minutes INTEGER NOT NULL DEFAULT 30 CHECK (est_minutes >= 0),
    priority    INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
) STRICT;
CREATE INDEX tasks_by_rep ON tasks (rep_id, status, due_on);
CREATE INDEX tasks_by_customer ON tasks (customer_id, status);

CREATE TABLE quotas (
    rep_id       INTEGER NOT NULL REFERENCES reps (id),
    quarter      TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (rep_id, quarter)
) STRICT;

CREATE TABLE rep_absences (
    id      INTEGER PRIMARY KEY,
    rep_id  INTEGER NOT NULL REFERENCES reps (id),
    from_on TEXT NOT NULL,
    to_on   TEXT NOT NULL,
    CHECK (from_on <= to_on)
) STRICT;
CREATE INDEX rep_absences_by_rep ON rep_absences (rep_id, from_on);

CREATE TABLE channels (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE channel_months (
    channel_id    INTEGER NOT NULL REFERENCES channels (id),
    month         TEXT NOT NULL,
    spend_cents   INTEGER NOT NULL CHECK (spend_cents >= 0),
    revenue_cents INTEGER NOT NULL CHECK (revenue_cents >= 0),
    PRIMARY KEY (channel_id, month)
) STRICT;

CREATE TABLE edits (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
CREATE INDEX edits_by_at ON edits (at);
