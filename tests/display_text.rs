//! Names from anywhere on screen: invisible characters never reach the terminal (each shows as
//! a marker) and wide characters keep every column of the customers table aligned.

mod common;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use salesdesk::domain::display_text::shown;
use salesdesk::tui::App;
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::screen::Screen;

const OWNERS: [&str; 4] = ["Ann Lee", "Bo Chen", "Cleo Díaz", "Dev Patel"];

fn name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ]{1,4}",
        "[東京精密工業한국어]{1,3}",
        Just("🚀".to_string()),
        Just("👨\u{200D}👩\u{200D}👧".to_string()),
        Just("e\u{301}".to_string()),
        "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\u{AD}]",
        "[\u{1}-\u{1F}\u{7F}-\u{9F}]",
    ];
    proptest::collection::vec(piece, 1..8).prop_map(|parts| parts.concat())
}

/// The x of the first cell where `word` starts on row `y`, reading cell symbols.
fn find(buffer: &Buffer, y: u16, word: &str) -> Option<u16> {
    let area = buffer.area;
    (area.left()..area.right()).find(|&x| {
        word.chars().enumerate().all(|(i, c)| {
            let at = x + i as u16;
            at < area.right() && buffer[(at, y)].symbol() == c.to_string()
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_name_keeps_the_columns_aligned_and_nothing_invisible_is_drawn(
        names in proptest::collection::vec(name(), 3),
        width in 72u16..140,
    ) {
        let conn = common::fixture_db();
        for (id, name) in (1..).zip(&names) {
            conn.execute(
                "UPDATE customers SET name = ?1 WHERE id = ?2",
                rusqlite::params![name, id],
            )
            .unwrap();
        }
        let app = App::load(&conn, "fixture.db".into(), common::as_of(), Message::info("")).unwrap();
        let mut headless = Headless::new(app, conn);
        headless.resize(width, 24);
        headless.apply(Action::Command(Command::ShowScreen(Screen::Customers)));
        let buffer = headless.render();
        for cell in buffer.content() {
            prop_assert_eq!(shown(cell.symbol()), cell.symbol(), "an invisible character was drawn");
        }
        let header = (0..24).find(|&y| find(&buffer, y, "Owner").is_some());
        let header = header.unwrap_or_else(|| panic!("no header:\n{}", salesdesk::tui::headless::buffer_text(&buffer)));
        let owner_x = find(&buffer, header, "Owner").unwrap_or_default();
        // The fixture's 12 customers all fit in 24 rows: each row's owner starts under "Owner".
        for y in header + 1..=header + 12 {
            let starts = OWNERS.iter().any(|owner| find(&buffer, y, owner) == Some(owner_x));
            prop_assert!(starts, "row {y}: the owner column moved:\n{}", salesdesk::tui::headless::buffer_text(&buffer));
        }
    }
}
