//! Deal changes are single transactions with audit rows, and undo/redo restore exact states.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::Connection;
use rusqlite::types::Value;
use salesdesk::db::edits::{self, WriteError};
use salesdesk::domain::{DealChange, Money, Stage};

fn today() -> NaiveDate {
    common::as_of()
}

/// Every row of deals and stage_changes, every column, in id order.
fn dump(conn: &Connection) -> Vec<Vec<Value>> {
    common::table_rows(conn, &["deals", "stage_changes"])
}

fn apply(conn: &mut Connection, id: i64, change: DealChange) -> Result<edits::Saved, WriteError> {
    edits::apply(conn, id, &change, today(), "2026-11-26 10:00:00", "tester")
}

/// entity, field, old value, new value, batch.
type EditRow = (String, String, Option<String>, Option<String>, i64);

/// The open (Proposal) deal of the first fixture customer.
const OPEN_DEAL: i64 = 3;

#[test]
fn a_move_writes_deal_stage_change_and_edits_in_one_batch() {
    let mut conn = common::fixture_db();
    let saved = apply(
        &mut conn,
        OPEN_DEAL,
        DealChange::Move { to: Stage::Open(3) },
    )
    .unwrap();
    let stage: String = conn
        .query_row("SELECT stage FROM deals WHERE id = 3", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stage, "Negotiation");
    let (from, to, on): (String, String, String) = conn
        .query_row(
            "SELECT from_stage, to_stage, changed_on FROM stage_changes WHERE deal_id = 3",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (from.as_str(), to.as_str(), on.as_str()),
        ("Proposal", "Negotiation", "2026-11-26")
    );
    let edits: Vec<EditRow> = conn
        .prepare("SELECT entity, field, old_value, new_value, batch FROM edits ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0].0, "deal");
    assert_eq!(
        (edits[0].2.as_deref(), edits[0].3.as_deref()),
        (Some("Proposal"), Some("Negotiation"))
    );
    assert_eq!(edits[1].0, "stage_change");
    assert!(edits.iter().all(|e| e.4 == saved.batch));
}

#[test]
fn undo_restores_the_exact_rows_and_redo_reapplies_them() {
    let mut conn = common::fixture_db();
    let before = dump(&conn);
    apply(&mut conn, OPEN_DEAL, DealChange::Win).unwrap();
    let after = dump(&conn);
    let (stage, closed): (String, String) = conn
        .query_row("SELECT stage, closed_on FROM deals WHERE id = 3", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((stage.as_str(), closed.as_str()), ("Won", "2026-11-26"));
    assert!(edits::undo(&mut conn).unwrap().is_some());
    assert_eq!(dump(&conn), before);
    assert!(edits::redo(&mut conn).unwrap().is_some());
    assert_eq!(dump(&conn), after);
    assert!(
        edits::redo(&mut conn).unwrap().is_none(),
        "nothing left to redo"
    );
}

#[test]
fn lose_then_reopen_then_undo_twice_walks_back() {
    let mut conn = common::fixture_db();
    let start = dump(&conn);
    apply(
        &mut conn,
        OPEN_DEAL,
        DealChange::Lose {
            reason: "Price".into(),
        },
    )
    .unwrap();
    let lost = dump(&conn);
    let reason: String = conn
        .query_row("SELECT lost_reason FROM deals WHERE id = 3", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(reason, "Price");
    let saved = apply(&mut conn, OPEN_DEAL, DealChange::Reopen).unwrap();
    let (stage, closed): (String, Option<String>) = conn
        .query_row("SELECT stage, closed_on FROM deals WHERE id = 3", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (stage.as_str(), closed),
        ("Proposal", None),
        "a reopened deal returns to the stage it was lost from"
    );
    assert!(
        saved.summary.ends_with("reopened at Proposal"),
        "{}",
        saved.summary
    );
    edits::undo(&mut conn).unwrap();
    assert_eq!(dump(&conn), lost);
    edits::undo(&mut conn).unwrap();
    assert_eq!(dump(&conn), start);
    assert!(edits::undo(&mut conn).unwrap().is_none());
}

#[test]
fn a_new_change_after_undo_drops_the_redo() {
    let mut conn = common::fixture_db();
    apply(
        &mut conn,
        OPEN_DEAL,
        DealChange::Move { to: Stage::Open(0) },
    )
    .unwrap();
    edits::undo(&mut conn).unwrap();
    apply(&mut conn, 7, DealChange::Win).unwrap();
    assert!(edits::redo(&mut conn).unwrap().is_none());
    let history = edits::history(&conn, 10).unwrap();
    assert_eq!(history[0].what, "Proposal deal for Acme West");
    assert!(history.iter().any(|h| h.undone));
    assert_eq!(history[0].actor, "tester");
}

#[test]
fn refused_changes_write_nothing() {
    let mut conn = common::fixture_db();
    let before = dump(&conn);
    let won_deal = 1;
    let cases = [
        (won_deal, DealChange::Move { to: Stage::Open(0) }),
        (won_deal, DealChange::Win),
        (OPEN_DEAL, DealChange::Reopen),
        (OPEN_DEAL, DealChange::Move { to: Stage::Open(2) }),
        (
            OPEN_DEAL,
            DealChange::Edit {
                amount: Money(-1),
                expected_close_on: None,
                probability_bp: None,
            },
        ),
        (
            OPEN_DEAL,
            DealChange::Edit {
                amount: Money(100),
                expected_close_on: None,
                probability_bp: Some(10_001),
            },
        ),
        (999, DealChange::Win),
    ];
    for (id, change) in cases {
        let err = apply(&mut conn, id, change.clone()).unwrap_err();
        assert!(
            matches!(err, WriteError::Refused(_) | WriteError::Missing(_)),
            "{change:?}: {err}"
        );
    }
    assert_eq!(dump(&conn), before);
    let edits: i64 = conn
        .query_row("SELECT COUNT(*) FROM edits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(edits, 0);
}

#[test]
fn a_failed_write_rolls_back_everything() {
    let mut conn = common::fixture_db();
    let before = dump(&conn);
    // A trigger that fails the stage-change insert simulates a disk error mid-transaction.
    conn.execute_batch(
        "CREATE TRIGGER fail BEFORE INSERT ON stage_changes BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    )
    .unwrap();
    let err = apply(&mut conn, OPEN_DEAL, DealChange::Win).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert_eq!(dump(&conn), before);
}

#[derive(Debug, Clone)]
enum Op {
    Change(i64, DealChange),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let deal = 1..=12i64;
    prop_oneof![
        (deal.clone(), 0..4usize)
            .prop_map(|(d, s)| Op::Change(d, DealChange::Move { to: Stage::open(s) })),
        deal.clone().prop_map(|d| Op::Change(d, DealChange::Win)),
        deal.clone().prop_map(|d| Op::Change(
            d,
            DealChange::Lose {
                reason: "Timing".into()
            }
        )),
        deal.clone().prop_map(|d| Op::Change(d, DealChange::Reopen)),
        (deal, 0..1_000_000i64, proptest::option::of(0..=10_000i64)).prop_map(|(d, a, p)| {
            Op::Change(
                d,
                DealChange::Edit {
                    amount: Money(a),
                    expected_close_on: None,
                    probability_bp: p,
                },
            )
        }),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_sequence_of_changes_undos_and_redos_stays_consistent(ops in proptest::collection::vec(op(), 1..25)) {
        let mut conn = common::fixture_db();
        let mut undo_stack: Vec<Vec<Vec<Value>>> = Vec::new();
        let mut redo_stack: Vec<Vec<Vec<Value>>> = Vec::new();
        for op in ops {
            let before = dump(&conn);
            match op {
                Op::Change(id, change) => match apply(&mut conn, id, change) {
                    Ok(_) => {
                        undo_stack.push(before);
                        redo_stack.clear();
                    }
                    Err(WriteError::Refused(_)) => prop_assert_eq!(dump(&conn), before),
                    Err(e) => prop_assert!(false, "unexpected error {}", e),
                },
                Op::Undo => match edits::undo(&mut conn).unwrap() {
                    Some(_) => {
                        let expected = undo_stack.pop();
                        prop_assert_eq!(Some(dump(&conn)), expected);
                        redo_stack.push(before);
                    }
                    None => prop_assert!(undo_stack.is_empty()),
                },
                Op::Redo => match edits::redo(&mut conn).unwrap() {
                    Some(_) => {
                        let expected = redo_stack.pop();
                        prop_assert_eq!(Some(dump(&conn)), expected);
                        undo_stack.push(before);
                    }
                    None => prop_assert!(redo_stack.is_empty()),
                },
            }
            let live: i64 = conn.query_row("SELECT COUNT(DISTINCT batch) FROM edits WHERE undone = 0", [], |r| r.get(0)).unwrap();
            prop_assert_eq!(live as usize, undo_stack.len());
            let orphans: i64 = conn.query_row(
                "SELECT COUNT(*) FROM stage_changes s LEFT JOIN deals d ON d.id = s.deal_id WHERE d.id IS NULL", [], |r| r.get(0)).unwrap();
            prop_assert_eq!(orphans, 0);
        }
    }
}
