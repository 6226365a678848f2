//! The forecast category from the keys: `C` on a board card opens the category popup for it (or
//! for the selected deals), on a deal's record it steps the category on; each change is one
//! undoable step, the card and the record mark an override.

mod common;

use ratatui::crossterm::event::KeyCode;
use salesdesk::domain::Stage;
use salesdesk::tui::headless::Headless;

fn category_of(h: &Headless, id: i64) -> Option<String> {
    h.conn()
        .query_row(
            "SELECT forecast_category FROM deals WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

/// The board with the cursor on the first open card of the Proposal column.
fn on_proposal_card() -> (Headless, i64) {
    let mut h = common::fixture_board(120, 40);
    for _ in 0..6 {
        if h.app
            .pipeline
            .selected_card()
            .is_some_and(|c| c.stage == Stage::Open(2))
        {
            break;
        }
        h.press(KeyCode::Char('l'));
    }
    let card = h.app.pipeline.selected_card().unwrap();
    assert_eq!(card.stage, Stage::Open(2));
    let id = card.id;
    (h, id)
}

#[test]
fn set_on_a_card_then_undone() {
    let (mut h, id) = on_proposal_card();
    assert_eq!(category_of(&h, id), None);
    h.press(KeyCode::Char('C'));
    let text = h.render_text();
    assert!(text.contains("Forecast category of the deals"), "{text}");
    assert!(text.contains("Default (from stage and win odds)"), "{text}");
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    assert_eq!(category_of(&h, id).as_deref(), Some("Best case"));
    let text = h.render_text();
    assert!(text.contains("B! "), "the card marks the override:\n{text}");
    h.press(KeyCode::Char('u'));
    assert_eq!(category_of(&h, id), None);
    assert!(!h.render_text().contains("B! "));
}

#[test]
fn stepped_on_a_record_then_undone() {
    let (mut h, id) = on_proposal_card();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('C'));
    assert_eq!(category_of(&h, id).as_deref(), Some("Commit"));
    assert!(
        h.render_text().contains("Commit (set by the manager)"),
        "{}",
        h.render_text()
    );
    h.press(KeyCode::Char('C'));
    assert_eq!(category_of(&h, id).as_deref(), Some("Best case"));
    h.press(KeyCode::Char('u'));
    assert_eq!(category_of(&h, id).as_deref(), Some("Commit"));
    h.press(KeyCode::Char('u'));
    assert_eq!(category_of(&h, id), None);
    assert!(h.render_text().contains("(from its stage and odds)"));
}

#[test]
fn the_selected_deals_change_together_as_one_step() {
    let mut h = common::fixture_board(120, 40);
    let open: Vec<i64> = h
        .conn()
        .prepare("SELECT id FROM deals WHERE stage NOT IN ('Won', 'Lost') ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(open.len() >= 2);
    h.app.pipeline.list.selected.extend(open.iter().copied());
    h.press(KeyCode::Char('C'));
    for _ in 0..3 {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    for id in &open {
        assert_eq!(category_of(&h, *id).as_deref(), Some("Omitted"));
    }
    h.press(KeyCode::Char('u'));
    for id in &open {
        assert_eq!(category_of(&h, *id), None);
    }
}
