//! Bulk changes from the list view and the board (one undo step each), the board past its first
//! page, and the list held in memory ordering exactly as the SQL does.

mod common;

use common::lists::{press_chars, with_more_deals};
use common::{fixture_board, table_rows};
use ratatui::crossterm::event::KeyCode;
use rusqlite::params;
use salesdesk::db::reads::{self, SavedView};

#[test]
fn a_bulk_change_by_keys_is_one_undo_step() {
    let mut h = fixture_board(100, 30);
    let tables = ["deals", "stage_changes"];
    let before = table_rows(h.conn(), &tables);
    h.press(KeyCode::Char('v'));
    let first_two: Vec<i64> = h.app.pipeline.list.rows[..2].iter().map(|r| r.id).collect();
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Char('o'));
    h.type_text("dev");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.message.text, "2 deals given to Dev Patel");
    for id in &first_two {
        let rep: i64 = h
            .conn()
            .query_row("SELECT rep_id FROM deals WHERE id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert_eq!(rep, 4);
    }
    assert!(
        h.app.pipeline.list.selected.is_empty(),
        "the selection is done with"
    );

    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Char('x'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    let open: i64 = h
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM deals WHERE closed_on IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(open, 0, "every deal of the view was marked Lost");
    assert_eq!(h.app.pipeline.list.total, Some(0));
    h.press(KeyCode::Char('u'));
    h.press(KeyCode::Char('u'));
    assert_eq!(table_rows(h.conn(), &tables), before);
    assert_eq!(h.app.pipeline.list.total, Some(12));
}

#[test]
fn a_bad_date_in_a_bulk_change_names_the_field_and_writes_nothing() {
    let mut h = fixture_board(100, 30);
    let before = table_rows(h.conn(), &["deals"]);
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Char('d'));
    h.type_text("2026-02-30");
    h.press(KeyCode::Enter);
    assert!(h.render_text().contains("expected close:"));
    assert_eq!(table_rows(h.conn(), &["deals"]), before);
    h.press(KeyCode::Esc);
    assert!(h.app.pipeline.list.bulk.is_none());
}

#[test]
fn the_board_reaches_every_card_of_a_long_column() {
    let mut h = with_more_deals(450, 140, 30);
    press_chars(&mut h, "lll");
    assert_eq!(h.app.pipeline.column_cards(3).len(), 200);
    assert!(
        h.render_text().contains("450 deals (200 loaded)"),
        "{}",
        h.render_text()
    );
    for _ in 0..3 {
        h.press(KeyCode::End);
    }
    assert_eq!(h.app.pipeline.column_cards(3).len(), 450);
    let last = h.app.pipeline.selected_card().map(|c| c.title.clone());
    assert_eq!(last.as_deref(), Some("Bulk deal 001"));
    assert!(h.render_text().contains("450 deals"));
}

/// The in-memory list orders and counts exactly as the SQL page does, for every column, both
/// directions and each view, on a book with missing customers, owners and dates and ties.
#[test]
fn the_list_held_in_memory_orders_as_the_sql_does() {
    let conn = common::fixture_db();
    let stages = ["Lead", "Qualified", "Proposal", "Negotiation"];
    for i in 0..60_i64 {
        conn.execute(
            "INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                                created_on, expected_close_on)
             VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7)",
            params![
                (i % 5 != 0).then_some(1 + i % 12),
                (i % 7 != 0).then_some(1 + i % 4),
                format!(
                    "{} deal {}",
                    ["alpha", "Beta", "gamma"][(i % 3) as usize],
                    i % 9
                ),
                (i % 6) * 50_000,
                stages[(i % 4) as usize],
                format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 27),
                (i % 4 != 0).then(|| format!("2026-{:02}-15", 9 + i % 4)),
            ],
        )
        .unwrap();
        if i % 3 == 0 {
            conn.execute(
                "INSERT INTO activities (customer_id, deal_id, rep_id, kind, happened_on)
                 VALUES (1, last_insert_rowid(), 1, 'call', ?1)",
                [format!("2026-11-{:02}", 1 + i % 25)],
            )
            .unwrap();
        }
    }
    let sorts = [
        reads::SortColumn::Title,
        reads::SortColumn::Customer,
        reads::SortColumn::Owner,
        reads::SortColumn::Stage,
        reads::SortColumn::Amount,
        reads::SortColumn::ExpectedClose,
        reads::SortColumn::Age,
        reads::SortColumn::LastTouch,
    ];
    for view in [
        None,
        Some(SavedView::Stale),
        Some(SavedView::ClosingThisQuarter),
    ] {
        for sort in sorts {
            for descending in [false, true] {
                let query = reads::ListQuery::first_page(view, sort, descending, 1_000, 30);
                let sql = reads::pipeline_page(&conn, &query, common::as_of()).unwrap();
                let mut index = reads::ListIndex::load(&conn).unwrap();
                index.select(&query, common::as_of());
                let held = index.page(0, 1_000, common::as_of());
                assert_eq!(held, sql, "{view:?} {sort:?} descending {descending}");
            }
        }
    }
}

#[test]
fn deals_selected_on_the_board_move_together_and_undo_together() {
    let mut h = fixture_board(140, 30);
    let tables = ["deals", "stage_changes"];
    let before = table_rows(h.conn(), &tables);
    press_chars(&mut h, "ll");
    let first = h.app.pipeline.selected_card().map(|c| c.id).unwrap();
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Down);
    let second = h.app.pipeline.selected_card().map(|c| c.id).unwrap();
    h.press(KeyCode::Char(' '));
    assert!(h.render_text().contains("✓ Acme Corp"));
    h.press(KeyCode::Char('m'));
    for _ in 0..3 {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.message.text, "2 deals moved to Negotiation");
    for id in [first, second] {
        let stage: String = h
            .conn()
            .query_row("SELECT stage FROM deals WHERE id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert_eq!(stage, "Negotiation");
    }
    assert_eq!(
        h.app.pipeline.column_cards(3).len(),
        2,
        "the board shows the move"
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(table_rows(h.conn(), &tables), before);
    assert_eq!(h.app.pipeline.column_cards(2).len(), 12);
}
