//! Find and the pipeline's list view with its saved views, driven by keys through the headless
//! app over the hand-made fixture.

mod common;

use common::fixture_board;
use common::lists::{deal_id, press_chars, snapshot_settings, with_more_deals};
use ratatui::crossterm::event::KeyCode;
use salesdesk::db::reads::{self, SavedView};
use salesdesk::tui::effects::RecordRef;

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

    h.app.records.close_top();
    h.conn()
        .execute(
            "INSERT INTO contacts (customer_id, name, email) VALUES (11, 'Pia Sand', 'pia@pinecrest.example')",
            [],
        )
        .unwrap();
    h.press(KeyCode::Char('/'));
    h.type_text("pinecrest");
    let kinds: Vec<_> = h
        .app
        .find
        .as_ref()
        .unwrap()
        .hits
        .iter()
        .map(|f| f.hit.kind)
        .collect();
    assert_eq!(kinds, [reads::HitKind::Customer, reads::HitKind::Contact]);
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.records.top(),
        Some(RecordRef::Customer(11)),
        "a contact opens its customer"
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
fn the_list_view_at_80_by_24() {
    let mut h = fixture_board(80, 24);
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char(' '));
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
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
fn the_views_line_never_cuts_a_count_at_80_columns() {
    let mut h = with_more_deals(12_000, 80, 24);
    h.press(KeyCode::Char('v'));
    let text = h.render_text();
    let line = text
        .lines()
        .find(|l| l.contains("stale"))
        .unwrap_or_else(|| panic!("no views line:\n{text}"));
    let open: i64 = h
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM deals WHERE closed_on IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let all = salesdesk::domain::group_thousands(open as u128);
    assert!(
        line.contains(&format!("biggest {all}")) || line.trim_end().ends_with('…'),
        "every count whole, or the views that do not fit left out: {line}"
    );
    assert!(!line.trim_end().ends_with(','), "{line}");
}
