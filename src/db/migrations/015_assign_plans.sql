-- The day a task was marked done, so the plan monitor can tell whether it was done on time.
ALTER TABLE tasks ADD COLUMN done_on TEXT CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- Every accepted assignment plan: the day it was accepted and the edit batch of its moves. An
-- undo of that batch marks the plan undone (and a redo live again), so the rows always agree
-- with the edits; an undone plan is not monitored. The demo book's past plan has no batch.
CREATE TABLE assign_plans (
    id              INTEGER PRIMARY KEY,
    batch           INTEGER UNIQUE,
    accepted_on     TEXT NOT NULL CHECK (accepted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    minutes_per_day INTEGER NOT NULL CHECK (minutes_per_day > 0),
    undone          INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

-- What the plan predicted per rep: the open tasks and minutes of work they hold after it.
CREATE TABLE assign_plan_reps (
    plan_id      INTEGER NOT NULL REFERENCES assign_plans (id) ON DELETE CASCADE,
    rep_id       INTEGER NOT NULL REFERENCES reps (id),
    open_tasks   INTEGER NOT NULL CHECK (open_tasks >= 0),
    load_minutes INTEGER NOT NULL CHECK (load_minutes >= 0),
    PRIMARY KEY (plan_id, rep_id)
) STRICT;

-- What the plan predicted per open task with a due date: its rep, due date, and whether the rep
-- gets to it by then. Kept per task so any window can be counted later.
CREATE TABLE assign_plan_tasks (
    plan_id INTEGER NOT NULL REFERENCES assign_plans (id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL,
    rep_id  INTEGER NOT NULL REFERENCES reps (id),
    due_on  TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    on_time INTEGER NOT NULL CHECK (on_time IN (0, 1)),
    PRIMARY KEY (plan_id, task_id)
) STRICT;
