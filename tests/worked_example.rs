//! The README's worked example, key by key through the desk: import the Maven excerpt, find the
//! oldest open deal through the stale view, open it, log a call, create a follow-up task, give it
//! to another rep, and undo all of it.

mod common;

use common::maven_desk;
use common::table_rows;
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::effects::RecordRef;
use salesdesk::tui::headless::Headless;

/// The tables the example writes to (and undo must restore).
const TABLES: [&str; 3] = ["activities", "tasks", "deals"];

fn keys(h: &mut Headless, keys: &[KeyCode]) {
    for key in keys {
        h.press(*key);
    }
}

fn book(h: &Headless) -> Vec<Vec<rusqlite::types::Value>> {
    table_rows(h.conn(), &TABLES)
}

#[test]
fn the_oldest_stale_deal_is_found_worked_and_undone() {
    let (_dir, mut h) = maven_desk("2018-01-01", 100, 30);
    let before = book(&h);

    // The list view, the stale view, sorted by age, oldest first.
    keys(&mut h, &[KeyCode::Char('v'), KeyCode::Char(']')]);
    let views = h.render_text();
    assert!(views.contains("stale 8"), "{views}");
    for _ in 0..7 {
        h.press(KeyCode::Char('s'));
    }
    h.press(KeyCode::Char('S'));
    let list = h.render_text();
    assert!(
        list.contains("Stale: no activity or stage change in 30 days"),
        "{list}"
    );
    assert!(list.contains("Age▼"), "{list}");
    let oldest: i64 = h
        .conn()
        .query_row(
            "SELECT id FROM deals WHERE closed_on IS NULL ORDER BY created_on, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();

    // Open it: the record says how old it is and that nothing was logged.
    h.press(KeyCode::Enter);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(oldest)));
    let record = h.render_text();
    assert!(record.contains("Age       424 days"), "{record}");
    assert!(record.contains("no activity logged"), "{record}");

    // Log a call on it (the deal names no customer, as most open Maven deals do).
    keys(
        &mut h,
        &[KeyCode::Char('a'), KeyCode::Tab, KeyCode::Tab, KeyCode::Tab],
    );
    h.type_text("No answer; left a voicemail about renewal pricing.");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.message.text,
        "Saved: Call logged on MG Advanced (2018-01-01)"
    );

    // A follow-up task, prefilled for the deal's owner three days out.
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.message.text,
        "Saved: New task 'Follow up: MG Advanced' for James Ascencio"
    );
    let record = h.render_text();
    assert!(
        record.contains("voicemail about renewal pricing"),
        "{record}"
    );
    assert!(
        record.contains("due 2018-01-04  Follow up: MG Advanced"),
        "{record}"
    );

    // The owner's tasks; the task goes to Anna Snelling.
    h.press(KeyCode::Char('o'));
    keys(&mut h, &[KeyCode::Char('j'), KeyCode::Char('r')]);
    h.type_text("Anna");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.message.text, "1 task reassigned to Anna Snelling");
    let rep: String = h
        .conn()
        .query_row(
            "SELECT r.name FROM tasks t JOIN reps r ON r.id = t.rep_id WHERE t.deal_id = ?1",
            [oldest],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rep, "Anna Snelling");

    // Three undos take all of it back.
    for _ in 0..3 {
        h.press(KeyCode::Char('u'));
    }
    assert_eq!(book(&h), before, "the book is as it was");
    assert!(h.app.message.text.starts_with("undone: Call logged"));
}
