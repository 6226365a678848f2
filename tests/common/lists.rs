//! Helpers of the find and list-view tests: a book with many more open deals, deal ids by
//! title, keys pressed in a row.

use ratatui::crossterm::event::KeyCode;
use rusqlite::params;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;

/// Insta settings that hide job timings.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// Presses a key for each character of `keys`.
pub fn press_chars(h: &mut Headless, keys: &str) {
    for c in keys.chars() {
        h.press(KeyCode::Char(c));
    }
}

/// The fixture with `n` more open Negotiation deals of Acme Corp, amounts 1..=n dollars, on
/// the board at `width`×`height`.
pub fn with_more_deals(n: i64, width: u16, height: u16) -> Headless {
    let conn = super::fixture_db();
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
        super::as_of(),
        Message::default(),
    )
    .unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(width, height);
    h
}

/// The id of the deal titled `title`.
pub fn deal_id(h: &Headless, title: &str) -> i64 {
    h.conn()
        .query_row("SELECT id FROM deals WHERE title = ?1", [title], |r| {
            r.get(0)
        })
        .unwrap()
}
