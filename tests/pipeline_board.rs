//! The pipeline board driven by keys: moves, closings, edits, undo and redo reach the database
//! and come back exactly; totals stay equal to a fresh count.

mod common;

use common::fixture_board;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use rusqlite::types::Value;
use salesdesk::db::board;
use salesdesk::tui::headless::Headless;

/// Every column of one deal and of its stage changes.
fn deal_rows(h: &Headless, id: i64) -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    for sql in [
        "SELECT * FROM deals WHERE id = ?1",
        "SELECT * FROM stage_changes WHERE deal_id = ?1 ORDER BY id",
    ] {
        let mut stmt = h.conn().prepare(sql).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([id]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            out.push((0..n).map(|i| r.get::<_, Value>(i).unwrap()).collect());
        }
    }
    out
}

fn stage(h: &Headless, id: i64) -> String {
    h.conn()
        .query_row("SELECT stage FROM deals WHERE id = ?1", [id], |r| r.get(0))
        .unwrap()
}

/// The board's running totals equal a fresh count from the database.
fn assert_totals_fresh(h: &Headless) {
    let p = &h.app.pipeline;
    let fresh = board::load_totals(h.conn(), &p.catalogue, &p.filter, p.period).unwrap();
    assert_eq!(p.totals.as_ref(), Some(&fresh));
}

/// Moves the cursor to the Proposal column, on the largest deal (Acme Corp, id 3, $24,000).
fn to_proposal(h: &mut Headless) -> i64 {
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    h.app.pipeline.selected_card().map(|c| c.id).unwrap()
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

#[test]
fn the_board_shows_columns_totals_and_cards() {
    let h = fixture_board(140, 30);
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
}

#[test]
fn a_stage_move_saves_and_undo_restores_the_rows_exactly() {
    let mut h = fixture_board(140, 30);
    let id = to_proposal(&mut h);
    assert_eq!(id, 3);
    let before = deal_rows(&h, id);
    h.press(KeyCode::Char('>'));
    assert_eq!(stage(&h, id), "Negotiation");
    assert_eq!(h.app.pipeline.column, 3, "the cursor follows the card");
    assert_eq!(h.app.pipeline.selected_card().map(|c| c.id), Some(id));
    assert!(
        h.app.message.text.contains("moved to Negotiation"),
        "{:?}",
        h.app.message
    );
    assert_totals_fresh(&h);
    let after = deal_rows(&h, id);

    h.press(KeyCode::Char('u'));
    assert_eq!(
        deal_rows(&h, id),
        before,
        "undo restores the deal and its stage changes"
    );
    assert_totals_fresh(&h);
    assert!(h.app.pipeline.column_cards(2).iter().any(|c| c.id == id));

    h.press_with(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(deal_rows(&h, id), after, "redo brings the move back");
    assert_totals_fresh(&h);
}

#[test]
fn won_and_lost_close_the_deal_and_fill_the_period_column() {
    let mut h = fixture_board(140, 30);
    let id = to_proposal(&mut h);
    h.press(KeyCode::Char('w'));
    assert_eq!(stage(&h, id), "Won");
    let closed: String = h
        .conn()
        .query_row("SELECT closed_on FROM deals WHERE id = 3", [], |r| r.get(0))
        .unwrap();
    assert_eq!(closed, "2026-11-26");
    assert_eq!(h.app.pipeline.column, 4);
    assert_totals_fresh(&h);

    h.press(KeyCode::Char('h'));
    h.press(KeyCode::Char('h'));
    let card = h.app.pipeline.selected_card().cloned().unwrap();
    let next = card.id;
    h.press(KeyCode::Char('x'));
    let text = h.render_text();
    assert!(text.contains("Why was it lost?"));
    let named: String = card.title.chars().take(20).collect();
    assert!(
        text.contains(&named),
        "the picker names the deal {named}:\n{text}"
    );
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(stage(&h, next), "Lost");
    let reason: String = h
        .conn()
        .query_row("SELECT lost_reason FROM deals WHERE id = ?1", [next], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(reason, "Competitor");
    assert_totals_fresh(&h);
}

#[test]
fn changing_a_closed_deal_asks_first() {
    let mut h = fixture_board(140, 30);
    let id = to_proposal(&mut h);
    h.press(KeyCode::Char('w'));
    assert_eq!(h.app.pipeline.selected_card().map(|c| c.id), Some(id));
    h.press(KeyCode::Char('<'));
    assert!(h.render_text().contains("Are you sure?"));
    h.press(KeyCode::Char('n'));
    assert_eq!(stage(&h, id), "Won", "no means no");
    h.press(KeyCode::Char('<'));
    h.press(KeyCode::Char('y'));
    assert_eq!(
        stage(&h, id),
        "Proposal",
        "back to the stage it was won from"
    );
    let closed: Option<String> = h
        .conn()
        .query_row("SELECT closed_on FROM deals WHERE id = 3", [], |r| r.get(0))
        .unwrap();
    assert_eq!(closed, None);
    assert_totals_fresh(&h);
}

#[test]
fn the_edit_form_refuses_bad_values_and_saves_good_ones() {
    let mut h = fixture_board(140, 30);
    let id = to_proposal(&mut h);
    let before = deal_rows(&h, id);
    h.press(KeyCode::Char('e'));
    for _ in 0..10 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("-5");
    h.press(KeyCode::Enter);
    let frame = h.render_text();
    let flat = frame.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("negative") && flat.contains("nothing saved"),
        "{frame}"
    );
    assert_eq!(deal_rows(&h, id), before);
    h.press(KeyCode::Backspace);
    h.press(KeyCode::Backspace);
    h.type_text("30,000");
    h.press(KeyCode::Tab);
    h.type_text("x");
    h.press(KeyCode::Enter);
    assert!(h.render_text().contains("is not a date"));
    h.press(KeyCode::Backspace);
    h.press(KeyCode::Tab);
    h.type_text("80");
    h.press(KeyCode::Enter);
    assert!(h.app.pipeline.form.is_none(), "{:?}", h.app.pipeline.form);
    let (amount, probability): (i64, i64) = h
        .conn()
        .query_row(
            "SELECT amount_cents, probability_bp FROM deals WHERE id = 3",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((amount, probability), (3_000_000, 8_000));
    assert!(
        h.render_text().contains("$30,000*"),
        "an override is marked"
    );
    assert_totals_fresh(&h);
    h.press(KeyCode::Char('u'));
    assert_eq!(deal_rows(&h, id), before);
}

#[test]
fn history_lists_the_changes_and_a_failed_write_changes_nothing() {
    let mut h = fixture_board(140, 30);
    to_proposal(&mut h);
    h.press(KeyCode::Char('>'));
    h.press(KeyCode::Char(':'));
    h.type_text("history");
    h.press(KeyCode::Enter);
    let frame = h.render_text();
    assert!(
        frame.contains("Recent changes") && frame.contains("Proposal deal for Acme Corp"),
        "{frame}"
    );
    assert!(frame.contains("Negotiation"), "{frame}");
    h.press(KeyCode::Esc);

    h.conn()
        .execute_batch("CREATE TRIGGER fail BEFORE INSERT ON stage_changes BEGIN SELECT RAISE(ABORT, 'disk full'); END;")
        .unwrap();
    let board_before = h.app.pipeline.clone();
    h.press(KeyCode::Char('>'));
    assert!(
        h.app.message.is_error && h.app.message.text.contains("disk full"),
        "{:?}",
        h.app.message
    );
    assert_eq!(
        h.app.pipeline.cards, board_before.cards,
        "the screen stays as it was"
    );
    assert_eq!(h.app.pipeline.totals, board_before.totals);

    h.press(KeyCode::Char(':'));
    h.type_text("nonsense");
    h.press(KeyCode::Enter);
    assert!(h.app.message.text.contains("unknown command"));
}

#[test]
fn filters_and_period_reload_the_board() {
    let mut h = fixture_board(140, 30);
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Char('l'));
    assert!(h.render_text().contains("‹ Ann Lee ›"));
    h.press(KeyCode::Enter);
    let cards = h.app.pipeline.column_cards(2);
    assert_eq!(
        cards.len(),
        2,
        "Ann Lee owns Acme Corp and Northwind Traders"
    );
    assert_totals_fresh(&h);
    h.press(KeyCode::Char('p'));
    assert_eq!(
        h.app.pipeline.period_kind.label(),
        salesdesk::analytics::pipeline::PeriodKind::ThisQuarter.label()
    );
    assert!(h.app.pipeline.kpis.is_some());
    assert!(
        h.app.pipeline.column_cards(4).is_empty(),
        "no deal closed this quarter in the fixture"
    );
    assert_totals_fresh(&h);
}

#[test]
fn the_selected_card_stays_on_screen_when_moving_down() {
    let mut h = fixture_board(140, 24);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    for _ in 0..11 {
        h.press(KeyCode::Char('j'));
    }
    let last = h
        .app
        .pipeline
        .selected_card()
        .and_then(|c| c.customer.clone())
        .unwrap();
    assert_eq!(last, "Quartz Energy", "the smallest Proposal deal is last");
    assert!(
        h.render_text().contains("Quartz Energy"),
        "{}",
        h.render_text()
    );
}

#[test]
fn cards_sort_by_close_date_and_the_quota_pane_toggles() {
    let mut h = fixture_board(140, 30);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('>'));
    h.press(KeyCode::Char('e'));
    h.press(KeyCode::Tab);
    for _ in 0..10 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("2026-12-01");
    h.press(KeyCode::Enter);
    let id = h.app.pipeline.selected_card().map(|c| c.id);
    h.press(KeyCode::Char('<'));
    h.press(KeyCode::Char('s'));
    let first = h.app.pipeline.column_cards(2).first().map(|c| c.id);
    assert_eq!(first, id, "the deal closing soonest leads its column");
    assert!(h.render_text().contains("cards by close date"));
    assert!(!h.render_text().contains("Quota attainment"));
    h.press(KeyCode::Char('t'));
    let frame = h.render_text();
    assert!(
        frame.contains("Quota attainment") && frame.contains("Ann Lee"),
        "{frame}"
    );
    h.press(KeyCode::Char('t'));
    assert!(!h.render_text().contains("Quota attainment"));
}

#[test]
fn a_status_message_fades_after_a_few_seconds_or_the_next_key() {
    use salesdesk::tui::action::Action;
    use salesdesk::tui::effects::FADE_TICKS;
    let mut h = fixture_board(140, 30);
    to_proposal(&mut h);
    h.press(KeyCode::Char('>'));
    assert!(
        h.app.message.text.contains("moved to"),
        "{}",
        h.app.message.text
    );
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.message.text, "", "the next key clears the message");
    h.press(KeyCode::Char('>'));
    assert!(!h.app.message.text.is_empty());
    for _ in 1..FADE_TICKS {
        h.apply(Action::Tick);
    }
    assert!(
        !h.app.message.text.is_empty(),
        "still shown just before it fades"
    );
    h.apply(Action::Tick);
    assert_eq!(h.app.message.text, "", "gone after about five seconds");
}
