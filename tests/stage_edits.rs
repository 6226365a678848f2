//! Stages as data (issue 20): editing a book's stages and pipelines, each edit one undoable
//! batch that keeps every deal in a stage of its pipeline; history keeps the names it had.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::Connection;
use salesdesk::db::edits;
use salesdesk::db::pipelines::{self, NewStage, StageEdit, apply_stage_edit};
use salesdesk::domain::{DealChange, Stage};

const TABLES: [&str; 4] = ["pipelines", "stages", "deals", "stage_changes"];

fn today() -> NaiveDate {
    common::as_of()
}

fn apply(conn: &mut Connection, edit: &StageEdit) -> Result<String, String> {
    apply_stage_edit(conn, edit, today(), "2026-11-26 10:00:00", "test")
        .map(|saved| saved.summary)
        .map_err(|e| e.to_string())
}

/// The stage ids of pipeline 1, in order.
fn stage_ids(conn: &Connection, pipeline: i64) -> Vec<i64> {
    let book = pipelines::load(conn).unwrap();
    book.open_of(pipeline)
        .filter_map(|s| book.def(s).map(|d| d.id))
        .collect()
}

/// Deals whose stage is neither Won, Lost nor one of their pipeline's open stages.
fn strays(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT COUNT(*) FROM deals d
         WHERE d.stage NOT IN ('Won', 'Lost')
           AND NOT EXISTS (SELECT 1 FROM stages s
                           WHERE s.pipeline_id = d.pipeline_id AND s.name = d.stage)",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// A second pipeline with one stage, Due.
fn renewals() -> StageEdit {
    StageEdit::AddPipeline {
        name: "Renewals".into(),
        stages: vec![NewStage {
            name: "Due".into(),
            probability_bp: 5_000,
            stale_days: 10,
        }],
    }
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_rename_moves_the_deals_and_history_keeps_the_old_name() {
    let mut conn = common::fixture_db();
    let proposal = stage_ids(&conn, 1)[2];
    let held = count(&conn, "SELECT COUNT(*) FROM deals WHERE stage = 'Proposal'");
    assert!(held > 0, "the fixture has Proposal deals");
    let history = count(
        &conn,
        "SELECT COUNT(*) FROM stage_changes WHERE to_stage = 'Proposal'",
    );
    let summary = apply(
        &mut conn,
        &StageEdit::RenameStage {
            stage_id: proposal,
            name: "Quote sent".into(),
        },
    )
    .unwrap();
    assert_eq!(summary, "Renamed stage Proposal to Quote sent");
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM deals WHERE stage = 'Quote sent'"
        ),
        held
    );
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM stage_changes WHERE to_stage = 'Proposal'"
        ),
        history,
        "stage history keeps the name it had"
    );
    let book = pipelines::load(&conn).unwrap();
    assert_eq!(
        book.stage_in_history(1, "Proposal"),
        Some(Stage::open(2)),
        "and the analytics still know which stage it was"
    );
    let words = edits::history(&conn, 1).unwrap();
    assert_eq!(words[0].words, "Renamed stage Proposal to Quote sent");
    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM deals WHERE stage = 'Proposal'"),
        held
    );
}

#[test]
fn removing_a_stage_moves_its_deals_with_history_and_undo_puts_them_back() {
    let mut conn = common::fixture_db();
    let before = common::table_rows(&conn, &TABLES);
    let ids = stage_ids(&conn, 1);
    let held = count(&conn, "SELECT COUNT(*) FROM deals WHERE stage = 'Proposal'");
    let changes = count(&conn, "SELECT COUNT(*) FROM stage_changes");
    let summary = apply(
        &mut conn,
        &StageEdit::RemoveStage {
            stage_id: ids[2],
            deals_to: ids[1],
        },
    )
    .unwrap();
    assert_eq!(
        summary,
        "Removed stage Proposal, its deals moved to Qualified"
    );
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM deals WHERE stage = 'Proposal'"),
        0
    );
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM stage_changes"),
        changes + held,
        "each moved deal's move is in its history"
    );
    assert_eq!(strays(&conn), 0);
    edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(common::table_rows(&conn, &TABLES), before);
    edits::redo(&mut conn).unwrap().unwrap();
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM deals WHERE stage = 'Proposal'"),
        0
    );
    assert_eq!(strays(&conn), 0);
}

#[test]
fn bad_edits_are_refused_naming_the_problem_and_nothing_changes() {
    let mut conn = common::fixture_db();
    let before = common::table_rows(&conn, &TABLES);
    let ids = stage_ids(&conn, 1);
    let cases = [
        (
            StageEdit::RenameStage {
                stage_id: ids[0],
                name: "won".into(),
            },
            "kept for closed deals",
        ),
        (
            StageEdit::RenameStage {
                stage_id: ids[0],
                name: "qualified".into(),
            },
            "already has a stage",
        ),
        (
            StageEdit::SetStage {
                stage_id: ids[0],
                probability_bp: 12_000,
                stale_days: 5,
            },
            "probability:",
        ),
        (
            StageEdit::RemoveStage {
                stage_id: ids[0],
                deals_to: ids[0],
            },
            "deals go to:",
        ),
        (
            StageEdit::RemovePipeline { pipeline_id: 1 },
            "at least one pipeline",
        ),
        (
            StageEdit::AddPipeline {
                name: "Default".into(),
                stages: vec![NewStage {
                    name: "Due".into(),
                    probability_bp: 5_000,
                    stale_days: 10,
                }],
            },
            "is taken",
        ),
    ];
    for (edit, words) in cases {
        let err = apply(&mut conn, &edit).unwrap_err();
        assert!(err.contains(words), "{edit:?}: {err}");
    }
    assert_eq!(common::table_rows(&conn, &TABLES), before);
    // A second pipeline with deals cannot be removed; its deals move only within it.
    apply(&mut conn, &renewals()).unwrap();
    let moved = conn
        .execute(
            "UPDATE deals SET pipeline_id = 2, stage = 'Due'
             WHERE id = (SELECT MIN(id) FROM deals WHERE closed_on IS NULL)",
            [],
        )
        .unwrap();
    assert_eq!(moved, 1);
    let err = apply(&mut conn, &StageEdit::RemovePipeline { pipeline_id: 2 }).unwrap_err();
    assert!(err.contains("still holds 1 deals"), "{err}");
    let wrong = conn
        .execute("UPDATE deals SET stage = 'Lead' WHERE pipeline_id = 2", [])
        .unwrap_err();
    assert!(
        wrong.to_string().contains("not a stage of its pipeline"),
        "a deal's stage is one of its own pipeline's: {wrong}"
    );
}

#[test]
fn a_move_refuses_a_stage_of_another_pipeline() {
    let mut conn = common::fixture_db();
    apply(&mut conn, &renewals()).unwrap();
    let open: i64 = count(&conn, "SELECT MIN(id) FROM deals WHERE closed_on IS NULL");
    let book = pipelines::load(&conn).unwrap();
    let due = book.first_open(2).unwrap();
    let err = edits::apply(
        &mut conn,
        open,
        &DealChange::Move { to: due },
        today(),
        "2026-11-26 10:00:00",
        "test",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("not in the deal's pipeline"),
        "{err}"
    );
}

/// A stage edit described by places, resolved against the book as it is when applied.
#[derive(Debug, Clone)]
enum Op {
    Add(usize, u8),
    Rename(usize, u8),
    Reorder(usize, usize),
    Remove(usize, usize),
    Numbers(usize, u16, u16),
    NewPipeline(u8),
    MoveDeal(i64, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..6usize, 0..6u8).prop_map(|(i, n)| Op::Add(i, n)),
        (0..6usize, 0..6u8).prop_map(|(i, n)| Op::Rename(i, n)),
        (0..6usize, 0..6usize).prop_map(|(i, j)| Op::Reorder(i, j)),
        (0..6usize, 0..6usize).prop_map(|(i, j)| Op::Remove(i, j)),
        (0..6usize, 0..=100u16, 1..60u16).prop_map(|(i, p, d)| Op::Numbers(i, p, d)),
        (0..3u8).prop_map(Op::NewPipeline),
        (1..=12i64, 0..6usize).prop_map(|(d, s)| Op::MoveDeal(d, s)),
    ]
}

const NAMES: [&str; 6] = ["Discovery", "Demo", "Quote", "Lead", "Legal", "Signature"];

/// Applies `op`; true when it was saved.
fn run(conn: &mut Connection, op: &Op) -> bool {
    let ids = stage_ids(conn, 1);
    let pick = |i: usize| ids[i % ids.len()];
    let edit = match *op {
        Op::Add(at, name) => StageEdit::AddStage {
            pipeline_id: 1,
            name: NAMES[usize::from(name)].into(),
            position: at,
            probability_bp: 4_000,
            stale_days: 14,
        },
        Op::Rename(i, name) => StageEdit::RenameStage {
            stage_id: pick(i),
            name: NAMES[usize::from(name)].into(),
        },
        Op::Reorder(i, to) => StageEdit::MoveStage {
            stage_id: pick(i),
            position: to,
        },
        Op::Remove(i, j) => StageEdit::RemoveStage {
            stage_id: pick(i),
            deals_to: pick(j),
        },
        Op::Numbers(i, percent, days) => StageEdit::SetStage {
            stage_id: pick(i),
            probability_bp: i64::from(percent) * 100,
            stale_days: i64::from(days),
        },
        Op::NewPipeline(n) => StageEdit::AddPipeline {
            name: format!("Pipeline {n}"),
            stages: vec![NewStage {
                name: "Due".into(),
                probability_bp: 3_000,
                stale_days: 7,
            }],
        },
        Op::MoveDeal(deal, s) => {
            let book = pipelines::load(conn).unwrap();
            let to = book.open_of(1).nth(s % ids.len()).unwrap();
            let change = DealChange::Move { to };
            return edits::apply(conn, deal, &change, today(), "2026-11-26 10:00:00", "test")
                .is_ok();
        }
    };
    apply(conn, &edit).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    #[test]
    fn random_stage_edits_keep_every_deal_in_a_stage_and_undo_restores_the_book(
        ops in proptest::collection::vec(op(), 1..14)
    ) {
        let mut conn = common::fixture_db();
        let before = common::table_rows(&conn, &TABLES);
        let mut saved = 0;
        for op in &ops {
            if run(&mut conn, op) {
                saved += 1;
            }
            prop_assert_eq!(strays(&conn), 0, "after {:?}", op);
            let book = pipelines::load(&conn).unwrap();
            prop_assert!(book.open_of(1).count() >= 1, "a pipeline keeps a stage");
        }
        for _ in 0..saved {
            prop_assert!(edits::undo(&mut conn).unwrap().is_some());
        }
        prop_assert_eq!(common::table_rows(&conn, &TABLES), before);
    }
}

#[test]
fn one_of_each_edit_saves_and_undoing_them_all_restores_the_book() {
    let mut conn = common::fixture_db();
    let before = common::table_rows(&conn, &TABLES);
    let ops = [
        Op::Add(1, 0),
        Op::Rename(0, 4),
        Op::Reorder(0, 3),
        Op::Numbers(2, 35, 9),
        Op::MoveDeal(3, 1),
        Op::Remove(2, 0),
        Op::NewPipeline(1),
    ];
    for op in &ops {
        assert!(run(&mut conn, op), "{op:?} saved");
        assert_eq!(strays(&conn), 0, "after {op:?}");
    }
    let book = pipelines::load(&conn).unwrap();
    assert_eq!(book.pipelines().len(), 2);
    for _ in &ops {
        edits::undo(&mut conn).unwrap().unwrap();
    }
    assert_eq!(common::table_rows(&conn, &TABLES), before);
}
