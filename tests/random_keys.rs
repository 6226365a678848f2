//! The whole app under random keys and terminal sizes (down to 1×1): it never panics, every frame
//! draws, and the book it edits keeps its invariants.

mod common;

use common::fixture_board;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use salesdesk::tui::action::Action;

#[derive(Debug, Clone)]
enum Event {
    Key(KeyCode, KeyModifiers),
    Resize(u16, u16),
}

fn event() -> impl Strategy<Value = Event> {
    let code = prop_oneof![
        4 => proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        1 => Just(KeyCode::Char('東')),
        2 => Just(KeyCode::Enter),
        2 => Just(KeyCode::Esc),
        1 => Just(KeyCode::Tab),
        1 => Just(KeyCode::BackTab),
        1 => Just(KeyCode::Backspace),
        1 => Just(KeyCode::Delete),
        2 => Just(KeyCode::Up),
        2 => Just(KeyCode::Down),
        2 => Just(KeyCode::Left),
        2 => Just(KeyCode::Right),
        1 => Just(KeyCode::PageUp),
        1 => Just(KeyCode::PageDown),
        1 => Just(KeyCode::Home),
        1 => Just(KeyCode::End),
        1 => Just(KeyCode::F(1)),
    ];
    let modifiers = prop_oneof![
        6 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ];
    prop_oneof![
        12 => (code, modifiers).prop_map(|(c, m)| Event::Key(c, m)),
        1 => (1u16..200, 1u16..60).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

/// Checks the book: SQLite's own integrity and foreign keys, and what every deal must hold.
fn assert_book_holds(conn: &rusqlite::Connection) {
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let dangling: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "a reference points nowhere");
    let bad: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM deals
             WHERE amount_cents < 0
                OR (stage IN ('Won', 'Lost')) != (closed_on IS NOT NULL)
                OR (lost_reason IS NOT NULL AND stage != 'Lost')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0, "a deal breaks its own rules");
    let moved_wrongly: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM deals d
             JOIN stage_changes s ON s.rowid = (
                 SELECT MAX(rowid) FROM stage_changes WHERE deal_id = d.id)
             WHERE s.to_stage != d.stage",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(moved_wrongly, 0, "a deal's stage is not its last move");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_sizes_never_panic_and_keep_the_book_whole(
        events in proptest::collection::vec(event(), 1..120),
    ) {
        let mut h = fixture_board(120, 34);
        assert_book_holds(h.conn());
        for event in events {
            match event {
                Event::Key(code, modifiers) => h.press_with(code, modifiers),
                Event::Resize(width, height) => h.apply(Action::Resize { width, height }),
            }
            h.render();
        }
        assert_book_holds(h.conn());
    }
}
