//! Task and absence changes are single transactions with audit rows in one batch; undo and redo
//! restore exact states, mixed with deal changes in any order.

mod common;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rusqlite::Connection;
use rusqlite::types::Value;
use salesdesk::db::edits::{self, WriteError};
use salesdesk::db::task_edits;
use salesdesk::domain::{DealChange, NewTask, Stage, TaskChange};

fn today() -> NaiveDate {
    common::as_of()
}

/// Every row of tasks, rep_absences and deals, every column, in id order.
fn dump(conn: &Connection) -> Vec<Vec<Value>> {
    common::table_rows(conn, &["tasks", "rep_absences", "deals"])
}

fn apply(conn: &mut Connection, change: TaskChange) -> Result<edits::Saved, WriteError> {
    task_edits::apply(conn, &change, today(), "2026-11-26 10:00:00", "tester")
}

fn new_task(rep_id: i64) -> NewTask {
    NewTask {
        title: "Prepare renewal".into(),
        kind: "meeting".into(),
        rep_id,
        due_on: Some(today()),
        est_minutes: 45,
        priority: 1,
    }
}

#[test]
fn a_reassignment_is_one_batch_and_one_undo() {
    let mut conn = common::fixture_db();
    let before = dump(&conn);
    let saved = apply(
        &mut conn,
        TaskChange::Reassign {
            moves: vec![(1, 2), (3, 2), (5, 1)],
        },
    )
    .unwrap();
    assert_eq!(saved.deal_id, None);
    let batches: Vec<i64> = conn
        .prepare("SELECT DISTINCT batch FROM edits")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(batches, vec![saved.batch]);
    let after = dump(&conn);
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(undone.summary, "undone: changes to 3 tasks");
    assert_eq!(dump(&conn), before);
    edits::redo(&mut conn).unwrap();
    assert_eq!(dump(&conn), after);
    let history = edits::history(&conn, 10).unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(
        history[0].field, "Owner",
        "the field in words, not the column"
    );
    assert!(
        history[0].words.starts_with("Owner "),
        "{}",
        history[0].words
    );
}

#[test]
fn refused_changes_write_nothing() {
    let mut conn = common::fixture_db();
    conn.execute("UPDATE reps SET active = 0 WHERE id = 4", [])
        .unwrap();
    let before = dump(&conn);
    let refused = |conn: &mut Connection, change| match apply(conn, change) {
        Err(WriteError::Refused(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        refused(
            &mut conn,
            TaskChange::Reassign {
                moves: vec![(1, 4)]
            }
        ),
        "Dev Patel is inactive"
    );
    assert_eq!(
        refused(
            &mut conn,
            TaskChange::Reassign {
                moves: vec![(1, 1)]
            }
        ),
        "nothing changed"
    );
    assert_eq!(
        refused(
            &mut conn,
            TaskChange::Reassign {
                moves: vec![(2, 1), (999, 1)]
            }
        ),
        "task 999 no longer exists",
        "a bad row refuses the whole batch"
    );
    assert_eq!(
        refused(
            &mut conn,
            TaskChange::Absence {
                rep_id: 1,
                from: today(),
                to: today() - Days::new(1)
            }
        ),
        "the absence ends before it starts"
    );
    let mut untitled = new_task(1);
    untitled.title = "  ".into();
    assert_eq!(
        refused(&mut conn, TaskChange::Add(untitled)),
        "a task needs a title"
    );
    apply(&mut conn, TaskChange::Done { task_id: 1 }).unwrap();
    assert_eq!(
        refused(&mut conn, TaskChange::TogglePin { task_id: 1 }),
        "“Call Acme Corp” is done already"
    );
    edits::undo(&mut conn).unwrap();
    assert_eq!(dump(&conn), before);
    assert_eq!(
        conn.query_row("SELECT COUNT(*) FROM edits WHERE undone = 0", [], |r| r
            .get::<_, i64>(0))
            .unwrap(),
        0
    );
}

#[derive(Debug, Clone)]
enum Op {
    Task(TaskChange),
    Deal(DealChange),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let task = 1..=12i64;
    let rep = 1..=4i64;
    prop_oneof![
        (task.clone(), rep.clone()).prop_map(|(t, r)| Op::Task(TaskChange::Reassign {
            moves: vec![(t, r)]
        })),
        proptest::collection::vec((task.clone(), rep.clone()), 1..5).prop_map(|moves| {
            Op::Task(TaskChange::AcceptPlan {
                moves,
                minutes_per_day: 240,
            })
        }),
        task.clone()
            .prop_map(|t| Op::Task(TaskChange::Done { task_id: t })),
        task.clone()
            .prop_map(|t| Op::Task(TaskChange::TogglePin { task_id: t })),
        (rep.clone(), 0..10u64, 0..5u64).prop_map(|(r, from, len)| Op::Task(TaskChange::Absence {
            rep_id: r,
            from: today() + Days::new(from),
            to: today() + Days::new(from + len),
        })),
        rep.clone()
            .prop_map(|r| Op::Task(TaskChange::Add(new_task(r)))),
        (task, 1..=3i64).prop_map(|(t, p)| Op::Task(TaskChange::Edit {
            task_id: t,
            fields: NewTask {
                priority: p,
                ..new_task(1)
            },
        })),
        Just(Op::Deal(DealChange::Move { to: Stage::Open(3) })),
        Just(Op::Undo),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every state reached is one of the states the history passed through, and undoing every
    /// batch returns to the start.
    #[test]
    fn any_sequence_of_task_changes_undos_and_redos_stays_consistent(ops in proptest::collection::vec(op(), 1..25)) {
        let mut conn = common::fixture_db();
        let mut states = vec![dump(&conn)];
        let mut at = 0usize;
        for op in ops {
            match op {
                Op::Task(change) => {
                    if apply(&mut conn, change).is_ok() {
                        states.truncate(at + 1);
                        states.push(dump(&conn));
                        at += 1;
                    }
                }
                Op::Deal(change) => {
                    if edits::apply(&mut conn, 3, &change, today(), "2026-11-26 10:00:00", "t").is_ok() {
                        states.truncate(at + 1);
                        states.push(dump(&conn));
                        at += 1;
                    }
                }
                Op::Undo => {
                    if edits::undo(&mut conn).unwrap().is_some() {
                        at -= 1;
                    }
                }
                Op::Redo => {
                    if edits::redo(&mut conn).unwrap().is_some() {
                        at += 1;
                    }
                }
            }
            prop_assert_eq!(&dump(&conn), &states[at]);
        }
        // At most one undo per change made, so the loop is bounded.
        for _ in 0..=states.len() {
            if edits::undo(&mut conn).unwrap().is_none() {
                break;
            }
        }
        prop_assert_eq!(&dump(&conn), &states[0]);
    }
}
