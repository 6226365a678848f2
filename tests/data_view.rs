//! The `:data` view in the desk: the checks come from a worker job, Enter opens a row's record
//! (Esc comes back to the view), `m` merges a likely duplicate pair and `u` undoes the merge.

mod common;

use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::effects::RecordRef;
use salesdesk::tui::keymap::binding::Context;

fn count(h: &salesdesk::tui::headless::Headless, sql: &str) -> i64 {
    h.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_data_view_opens_rows_and_merges_a_pair_undoably() {
    let mut h = common::fixture_app(120, 40);
    h.conn()
        .execute_batch(
            "INSERT INTO customers (id, name, industry, region, employees, created_on)
                 VALUES (13, 'ACME, Corp.', 'Manufacturing', 'North', 5, '2025-01-01');
             INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                                created_on, expected_close_on)
                 VALUES (13, 1, 1, 'Twin deal', 480000, 'Lead', '2026-10-01', '2027-01-15');",
        )
        .unwrap();
    h.press(KeyCode::Char(':'));
    h.type_text("data");
    h.press(KeyCode::Enter);
    let view = h.app.data.as_ref().expect("the view is open");
    assert_eq!(view.report.checks[0].count, 1);
    assert_eq!(h.app.contexts(), vec![Context::Data]);
    let text = h.render_text();
    assert!(
        text.contains("1 Acme Corp / 13 ACME, Corp.: same name"),
        "{text}"
    );
    assert!(text.contains("Data: "), "{text}");
    // Rows read by their names, not only their ids.
    assert!(text.contains("deal 2 · Won deal for Acme Corp"), "{text}");

    h.type_text("jj");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.records.top(), Some(RecordRef::Customer(1)));
    h.press(KeyCode::Esc);
    assert!(h.app.records.is_empty());
    assert_eq!(h.app.contexts(), vec![Context::Data], "back to the view");

    h.press(KeyCode::Char('m'));
    assert!(h.app.data.is_none());
    assert_eq!(count(&h, "SELECT COUNT(*) FROM customers WHERE id = 13"), 0);
    assert_eq!(
        count(
            &h,
            "SELECT customer_id FROM deals WHERE title = 'Twin deal'"
        ),
        1
    );
    assert!(
        h.app
            .message
            .text
            .contains("Merged customer ACME, Corp. (13) into Acme Corp (1)"),
        "{}",
        h.app.message.text
    );

    h.press(KeyCode::Char('u'));
    assert_eq!(count(&h, "SELECT COUNT(*) FROM customers WHERE id = 13"), 1);
    assert_eq!(
        count(
            &h,
            "SELECT customer_id FROM deals WHERE title = 'Twin deal'"
        ),
        13
    );
}

#[test]
fn erase_in_the_desk_asks_first_and_cannot_be_undone() {
    let mut h = common::fixture_app(120, 40);
    h.conn()
        .execute(
            "INSERT INTO contacts (id, customer_id, name, email, phone)
             VALUES (7, 3, 'Jane Doe', 'jane@example.org', '555 0100')",
            [],
        )
        .unwrap();
    let contact = |h: &salesdesk::tui::headless::Headless| -> (String, String) {
        h.conn()
            .query_row("SELECT name, email FROM contacts WHERE id = 7", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
    };
    h.press(KeyCode::Char(':'));
    h.type_text("erase contact 7");
    h.press(KeyCode::Enter);
    assert!(
        h.app
            .message
            .text
            .contains("cannot be undone; to erase, run :erase contact 7 yes"),
        "{}",
        h.app.message.text
    );
    assert_eq!(
        contact(&h).1,
        "jane@example.org",
        "nothing erased before the yes"
    );
    h.press(KeyCode::Char(':'));
    h.type_text("erase contact 7 yes");
    h.press(KeyCode::Enter);
    assert_eq!(contact(&h), ("Erased contact 7".to_string(), String::new()));
    assert!(
        h.app
            .message
            .text
            .contains("Erased contact 7's personal data"),
        "{}",
        h.app.message.text
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(contact(&h), ("Erased contact 7".to_string(), String::new()));
}
