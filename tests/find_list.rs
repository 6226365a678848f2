//! Find, the pipeline's list view, its saved views and bulk changes, and the board past its
//! first page, driven by keys through the headless app over the hand-made fixture.

mod common;

use common::{fixture_board, table_rows};
use ratatui::crossterm::event::KeyCode;
use rusqlite::params;
use salesdesk::db::reads::{self, SavedView};
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::effects::RecordRef;
use salesdesk::tui::headless::Headless;

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

fn press_chars(h: &mut Headless, keys: &str) {
    for c in keys.chars() {
        h.press(KeyCode::Char(c));
    }
}

/// The fixture with `n` more open Negotiation deals of Acme Corp, amounts 1..=n dollars, on
/// the board at `width`×`height`.
fn with_more_deals(n: i64, width: u16, height: u16) -> Headless {
    let conn = common::fixture_db();
    for i in 1..=n {
        conn.execute(
            "INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                                    created_on, expected_close_on)
                 VALUES (1, 1, 1, ?1, ?2, 'Negotiation', '2026-10-01', '2027-01-31')",
            params![format!("Bulk deal {i:03}"), i * 100],
        )
        .unwrap();
    }
    let app = App::load(
        &conn,
        "fixture.db".into(),
        common::as_of(),
        Message::default(),
    )
    .unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(width, height);
    h
}

fn deal_id(h: &Headless, title: &str) -> i64 {
    h.conn()
        .query_row("SELECT id FROM deals WHERE title = ?1", [title], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn find_opens_a_customer_a_deal_and_a_task_s_customer() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('/'));
    h.type_text("Acme");
    let find = h.app.find.as_ref().expect("the find popup is open");
    let labels: Vec<&str> = find.hits.iter().map(|f| f.hit.label.as_str()).collect();
    assert_eq!(labels, ["Acme Corp", "Acme West"]);
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    assert!(h.app.find.is_none(), "Enter closes the popup");
    assert_eq!(h.app.records.top(), Some(RecordRef::Customer(2)));

    h.app.records.close_top();
    h.press(KeyCode::Char(':'));
    h.type_text("find Proposal deal for North");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let id = deal_id(&h, "Proposal deal for Northwind Traders");
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(id)));

    h.app.records.close_top();
    h.press(KeyCode::Char('/'));
    h.type_text("Call Zen");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.records.top(),
        Some(RecordRef::Customer(8)),
        "a task without a deal opens its customer"
    );
}

#[test]
fn the_find_popup_groups_results_with_counts() {
    let mut h = fixture_board(80, 24);
    h.press(KeyCode::Char('/'));
    h.type_text("acme");
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
    h.press(KeyCode::Esc);
    assert!(h.app.find.is_none());
}

#[test]
fn the_list_shows_the_true_count_and_pages_past_the_first_page() {
    let mut h = with_more_deals(450, 100, 30);
    h.press(KeyCode::Char('v'));
    let list = &h.app.pipeline.list;
    assert_eq!(
        list.total,
        Some(462),
        "12 fixture deals and 450 more, no cap"
    );
    assert!(list.rows.len() <= 200);
    h.press(KeyCode::End);
    let last = h
        .app
        .pipeline
        .list
        .current()
        .expect("the last row is loaded");
    assert_eq!(last.title, "Bulk deal 001", "the smallest amount is last");
    assert!(h.render_text().contains("row 462 of 462"));
    h.press(KeyCode::Home);
    assert_eq!(
        h.app.pipeline.list.current().map(|r| r.title.as_str()),
        Some("Proposal deal for Acme Corp")
    );
}

#[test]
fn sorting_by_another_column_and_back() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('v'));
    let amounts: Vec<i64> = h
        .app
        .pipeline
        .list
        .rows
        .iter()
        .map(|r| r.amount.cents())
        .collect();
    assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    // Amount → Closes → Age → Touched → Deal.
    press_chars(&mut h, "ssss");
    let titles: Vec<String> = h
        .app
        .pipeline
        .list
        .rows
        .iter()
        .map(|r| r.title.clone())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
    h.press(KeyCode::Char('S'));
    let reversed: Vec<String> = h
        .app
        .pipeline
        .list
        .rows
        .iter()
        .map(|r| r.title.clone())
        .collect();
    sorted.reverse();
    assert_eq!(reversed, sorted);
    assert!(h.render_text().contains("Deal▼"));
}

#[test]
fn each_saved_view_counts_what_it_lists() {
    let mut h = fixture_board(120, 30);
    let c = h.conn();
    let slipped = deal_id(&h, "Proposal deal for Acme Corp");
    let undated = deal_id(&h, "Proposal deal for Acme West");
    let month_end = deal_id(&h, "Proposal deal for Zenith Health");
    let touched = deal_id(&h, "Proposal deal for Orion Retail");
    c.execute(
        "UPDATE deals SET expected_close_on = '2026-11-01' WHERE id = ?1",
        [slipped],
    )
    .unwrap();
    c.execute(
        "UPDATE deals SET expected_close_on = NULL WHERE id = ?1",
        [undated],
    )
    .unwrap();
    c.execute(
        "UPDATE deals SET expected_close_on = '2026-11-30' WHERE id = ?1",
        [month_end],
    )
    .unwrap();
    c.execute(
        "INSERT INTO activities (customer_id, deal_id, rep_id, kind, happened_on)
         VALUES (10, ?1, 4, 'call', '2026-11-20')",
        [touched],
    )
    .unwrap();
    // As of 2026-11-26, 30 stale days: every open deal but the one called last week is stale.
    let expected = [
        (SavedView::Stale, 11),
        (SavedView::Slipped, 1),
        (SavedView::NoCloseDate, 1),
        (SavedView::ClosingThisMonth, 2),
        (SavedView::ClosingThisQuarter, 11),
        (SavedView::BiggestOpen, 12),
    ];
    h.press(KeyCode::Char('v'));
    assert_eq!(h.app.pipeline.list.counts.as_deref(), Some(&expected[..]));
    assert!(
        h.render_text()
            .contains("stale 11  slipped 1  undated 1  month 2  quarter 11  biggest 12"),
        "{}",
        h.render_text()
    );
    for (view, count) in expected {
        h.press(KeyCode::Char(']'));
        assert_eq!(h.app.pipeline.list.view, Some(view));
        assert_eq!(h.app.pipeline.list.total, Some(count), "{view:?}");
    }
    h.press(KeyCode::Char(':'));
    h.type_text("view slipped");
    h.press(KeyCode::Enter);
    let list = &h.app.pipeline.list;
    assert_eq!(list.view, Some(SavedView::Slipped));
    assert_eq!(
        list.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [slipped]
    );
    let fresh = reads::saved_view_counts(h.conn(), common::as_of(), 30).unwrap();
    assert_eq!(fresh, expected);
}

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
fn the_list_view_at_80_by_24() {
    let mut h = fixture_board(80, 24);
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char(' '));
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
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

#[test]
fn a_click_selects_a_list_row_and_a_second_click_opens_the_deal() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('v'));
    // Tabs, the views line, the info line, the border and the header come first.
    h.mouse(salesdesk::tui::action::MouseKind::LeftClick, 10, 6);
    assert_eq!(h.app.pipeline.list.cursor, 1);
    let id = h.app.pipeline.list.current().map(|r| r.id).unwrap();
    h.mouse(salesdesk::tui::action::MouseKind::LeftClick, 10, 6);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(id)));
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
                let query = reads::ListQuery {
                    view,
                    stage: None,
                    owner_rep_id: None,
                    team: None,
                    product_id: None,
                    closes_between: None,
                    text: None,
                    sort,
                    descending,
                    offset: 0,
                    limit: 1_000,
                    stale_days: 30,
                };
                let sql = reads::pipeline_page(&conn, &query, common::as_of()).unwrap();
                let mut index = reads::ListIndex::load(&conn, &query, common::as_of()).unwrap();
                index.sort(sort, descending);
                let held = index.page(&conn, 0, 1_000, common::as_of()).unwrap();
                assert_eq!(held, sql, "{view:?} {sort:?} descending {descending}");
            }
        }
    }
}

#[test]
fn the_palette_offers_find_and_the_saved_views() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char(':'));
    h.type_text("view s");
    let lines: Vec<String> = h
        .app
        .palette
        .suggestions
        .iter()
        .map(|s| s.line.clone())
        .collect();
    assert_eq!(lines, ["view stale", "view slipped"]);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char(':'));
    h.type_text("view someday");
    h.press(KeyCode::Enter);
    assert!(h.app.message.is_error);
    assert!(h.app.message.text.contains("no view 'someday'"));
    assert!(!h.app.pipeline.list.shown);
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
