//! Random sequences of record creates, edits, bulk changes, undos and redos leave the book equal
//! to a simple in-memory model, and every undo and redo restores the exact rows.

mod common;

use proptest::prelude::*;
use rusqlite::Connection;
use rusqlite::types::Value;
use salesdesk::db::edits;
use salesdesk::db::records::{self, BulkChange, CustomerInput, DealEdit, Stamp};
use salesdesk::domain::Stage;

/// What the model knows: each deal's (owner, stage) by id, and the customers' names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Model {
    deals: Vec<(i64, String)>,
    customers: Vec<String>,
}

#[derive(Debug, Clone)]
enum Op {
    NewCustomer(u8),
    Owner(usize, i64),
    BulkOwner(Vec<usize>, i64),
    BulkMove(Vec<usize>, usize),
    BulkLose(Vec<usize>),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let ids = proptest::collection::vec(0usize..48, 1..6);
    prop_oneof![
        (0u8..20).prop_map(Op::NewCustomer),
        (0usize..48, 1i64..5).prop_map(|(d, r)| Op::Owner(d, r)),
        (ids.clone(), 1i64..5).prop_map(|(d, r)| Op::BulkOwner(d, r)),
        (ids.clone(), 0usize..4).prop_map(|(d, s)| Op::BulkMove(d, s)),
        ids.prop_map(Op::BulkLose),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

fn stamp() -> Stamp<'static> {
    Stamp {
        at: "2026-11-26 10:00:00",
        actor: "prop",
        today: common::as_of(),
    }
}

fn read(conn: &Connection) -> Model {
    let deals = conn
        .prepare("SELECT rep_id, stage FROM deals ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let customers = conn
        .prepare("SELECT name FROM customers ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    Model { deals, customers }
}

fn dump(conn: &Connection) -> Vec<Vec<Value>> {
    common::table_rows(
        conn,
        &["customers", "customer_tags", "deals", "stage_changes"],
    )
}

fn is_open(stage: &str) -> bool {
    stage != "Won" && stage != "Lost"
}

/// The model after `op`, or `None` when the app must refuse it (nothing changes).
fn expected(m: &Model, op: &Op) -> Option<Model> {
    let mut next = m.clone();
    let unique = |ids: &[usize]| {
        let mut v = ids.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    let changed = match op {
        Op::NewCustomer(i) => {
            next.customers.push(format!("Prop Customer {i}"));
            true
        }
        Op::Owner(d, r) => {
            let was = next.deals[*d].0 != *r;
            next.deals[*d].0 = *r;
            was
        }
        Op::BulkOwner(ids, r) => {
            let mut any = false;
            for d in unique(ids) {
                any |= next.deals[d].0 != *r;
                next.deals[d].0 = *r;
            }
            any
        }
        Op::BulkMove(ids, s) => {
            let book = salesdesk::domain::Pipelines::default();
            let to = book.name(Stage::open(*s));
            let mut any = false;
            for d in unique(ids) {
                if is_open(&next.deals[d].1) && next.deals[d].1 != to {
                    next.deals[d].1 = to.to_string();
                    any = true;
                }
            }
            any
        }
        Op::BulkLose(ids) => {
            let mut any = false;
            for d in unique(ids) {
                if is_open(&next.deals[d].1) {
                    next.deals[d].1 = "Lost".into();
                    any = true;
                }
            }
            any
        }
        Op::Undo | Op::Redo => unreachable!("handled by the caller"),
    };
    changed.then_some(next)
}

fn apply(conn: &mut Connection, op: &Op) -> bool {
    let ids = |v: &[usize]| -> Vec<i64> { v.iter().map(|d| *d as i64 + 1).collect() };
    match op {
        Op::NewCustomer(i) => {
            let input = CustomerInput {
                name: format!("Prop Customer {i}"),
                industry: "Retail".into(),
                region: "North".into(),
                needs: vec![format!("need {i}")],
                ..Default::default()
            };
            records::create_customer(conn, &input, &[], true, stamp()).is_ok()
        }
        Op::Owner(d, r) => {
            let edit = DealEdit {
                owner_rep_id: Some(*r),
                ..Default::default()
            };
            records::edit_deal(conn, *d as i64 + 1, &edit, stamp()).is_ok()
        }
        Op::BulkOwner(d, r) => {
            records::bulk_change(conn, &ids(d), &BulkChange::Owner(*r), stamp()).is_ok()
        }
        Op::BulkMove(d, s) => {
            records::bulk_change(conn, &ids(d), &BulkChange::Move(Stage::open(*s)), stamp()).is_ok()
        }
        Op::BulkLose(d) => {
            records::bulk_change(conn, &ids(d), &BulkChange::Lose("Timing".into()), stamp()).is_ok()
        }
        Op::Undo | Op::Redo => unreachable!("handled by the caller"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_book_follows_the_model(ops in proptest::collection::vec(op(), 1..25)) {
        let mut conn = common::fixture_db();
        let mut states = vec![(read(&conn), dump(&conn))];
        let mut at: usize = 0;
        for op in &ops {
            match op {
                Op::Undo => {
                    let did = edits::undo(&mut conn).unwrap().is_some();
                    prop_assert_eq!(did, at > 0);
                    at = at.saturating_sub(1);
                }
                Op::Redo => {
                    let did = edits::redo(&mut conn).unwrap().is_some();
                    prop_assert_eq!(did, at + 1 < states.len());
                    if did {
                        at += 1;
                    }
                }
                _ => {
                    let want = expected(&states[at].0, op);
                    prop_assert_eq!(apply(&mut conn, op), want.is_some(), "{:?}", op);
                    if let Some(model) = want {
                        states.truncate(at + 1);
                        states.push((model, dump(&conn)));
                        at += 1;
                    }
                }
            }
            prop_assert_eq!(&read(&conn), &states[at].0, "after {:?}", op);
            prop_assert_eq!(&dump(&conn), &states[at].1, "rows after {:?}", op);
        }
    }
}
