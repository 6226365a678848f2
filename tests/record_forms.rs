//! The record forms driven by keys on a headless app over the fixture book: each capture path
//! writes one undoable step and says so on the status line; bad input is refused in the form by
//! field with nothing written; a likely duplicate asks first; the new-deal form at 80×24.

mod common;

use common::{fixture_app, fixture_board};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::effects::RecordRef;
use salesdesk::tui::headless::Headless;

fn count(h: &Headless, sql: &str) -> i64 {
    h.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn text(h: &Headless, sql: &str) -> String {
    h.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every row a record write may touch, for before/after comparisons.
fn book(h: &Headless) -> Vec<Vec<rusqlite::types::Value>> {
    common::table_rows(
        h.conn(),
        &[
            "customers",
            "contacts",
            "customer_tags",
            "deals",
            "stage_changes",
            "activities",
            "tasks",
            "quotas",
        ],
    )
}

fn status(h: &Headless) -> String {
    h.app.message.text.clone()
}

fn tab(h: &mut Headless) {
    h.press(KeyCode::Tab);
}

/// Clears the focused field and types `text`.
fn retype(h: &mut Headless, text: &str) {
    for _ in 0..40 {
        h.press(KeyCode::Backspace);
    }
    h.type_text(text);
}

/// Opens `record` on top of the screen, as the records view does.
fn open_record(h: &mut Headless, record: RecordRef) {
    h.app.records.open(record);
}

/// Presses `u` and checks the book is back as it was.
fn undo_restores(h: &mut Headless, before: &[Vec<rusqlite::types::Value>]) {
    h.press(KeyCode::Char('u'));
    assert_eq!(book(h), before, "undo takes the write back");
}

fn error_of(h: &Headless) -> String {
    h.app
        .record_form
        .as_ref()
        .and_then(|f| f.error.clone())
        .unwrap_or_default()
}

#[test]
fn a_new_customer_from_the_customers_screen_saves_and_undoes() {
    let mut h = fixture_app(120, 30);
    let before = book(&h);
    h.press(KeyCode::Char('n'));
    let form = h.app.record_form.as_ref().expect("the form opens");
    assert_eq!(form.heading, "New customer");
    h.type_text("Harbor Lights");
    tab(&mut h);
    h.type_text("Retail");
    tab(&mut h);
    h.type_text("North");
    tab(&mut h);
    h.type_text("1,200");
    tab(&mut h);
    h.type_text("2,500,000");
    tab(&mut h);
    h.type_text("Cleo");
    h.press(KeyCode::Enter);
    h.type_text("CRM, reporting");
    h.press(KeyCode::Enter);
    assert!(
        h.app.record_form.is_none(),
        "the form closes: {}",
        error_of(&h)
    );
    assert_eq!(status(&h), "Saved: New customer Harbor Lights");
    assert_eq!(
        count(
            &h,
            "SELECT COUNT(*) FROM customers WHERE name = 'Harbor Lights' AND owner_rep_id = 3
             AND employees = 1200 AND annual_revenue_cents = 250000000"
        ),
        1
    );
    assert_eq!(
        count(&h, "SELECT COUNT(*) FROM customer_tags WHERE kind = 'need'"),
        2
    );
    assert!(
        h.app
            .customers
            .visible_rows()
            .any(|r| r.name == "Harbor Lights"),
        "the customers list reloads"
    );
    undo_restores(&mut h, &before);
}

#[test]
fn editing_the_selected_customer_changes_its_fields() {
    let mut h = fixture_app(120, 30);
    let before = book(&h);
    let id = h.app.customers.selected_row().map(|r| r.id).unwrap();
    h.press(KeyCode::Char('e'));
    assert!(
        h.app
            .record_form
            .as_ref()
            .unwrap()
            .heading
            .starts_with("Edit ")
    );
    tab(&mut h);
    tab(&mut h);
    retype(&mut h, "West");
    h.press(KeyCode::Enter);
    assert!(status(&h).starts_with("Saved: Customer "), "{}", status(&h));
    assert_eq!(
        text(&h, &format!("SELECT region FROM customers WHERE id = {id}")),
        "West"
    );
    undo_restores(&mut h, &before);
}

#[test]
fn contacts_are_added_edited_and_removed_after_a_yes() {
    let mut h = fixture_board(120, 30);
    let before = book(&h);
    open_record(&mut h, RecordRef::Customer(1));
    h.press(KeyCode::Char('N'));
    tab(&mut h);
    h.type_text("Mia Wong");
    tab(&mut h);
    h.type_text("CFO");
    tab(&mut h);
    h.type_text("mia@acme.example");
    h.press(KeyCode::Enter);
    assert_eq!(status(&h), "Saved: Contact Mia Wong added to Acme Corp");
    h.press(KeyCode::Char('N'));
    h.type_text("mia");
    h.press(KeyCode::Enter);
    tab(&mut h);
    retype(&mut h, "CEO");
    h.press(KeyCode::Enter);
    assert_eq!(status(&h), "Saved: Contact Mia Wong: role changed");
    h.press(KeyCode::Char('N'));
    h.type_text("mia");
    h.press(KeyCode::Enter);
    h.press_with(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(h.render_text().contains("Remove the contact Mia Wong?"));
    h.press(KeyCode::Char('n'));
    assert_eq!(count(&h, "SELECT COUNT(*) FROM contacts"), 1, "no keeps it");
    h.press_with(KeyCode::Char('d'), KeyModifiers::CONTROL);
    h.press(KeyCode::Char('y'));
    assert_eq!(status(&h), "Saved: Contact Mia Wong removed");
    assert_eq!(count(&h, "SELECT COUNT(*) FROM contacts"), 0);
    for _ in 0..3 {
        h.press(KeyCode::Char('u'));
    }
    assert_eq!(book(&h), before);
}

/// Opens the new-deal form on the board and picks Acme Corp and Insight Plus (each pick moves
/// on to the next field, so this ends on the title).
fn new_deal_form() -> Headless {
    let mut h = fixture_board(80, 24);
    h.press(KeyCode::Char('n'));
    h.type_text("acme c");
    h.press(KeyCode::Enter);
    h.type_text("insi");
    h.press(KeyCode::Enter);
    h
}

#[test]
fn a_new_deal_takes_the_list_price_and_the_customers_owner() {
    let mut h = new_deal_form();
    let before = book(&h);
    let form = h.app.record_form.as_ref().unwrap();
    assert_eq!(form.text("amount"), "9500", "the product's list price");
    assert_eq!(form.text("owner"), "Ann Lee", "the customer's owner");
    assert!(h.render_text().contains("→ 2026-12-26"), "+30d resolves");
    h.press(KeyCode::Enter);
    assert_eq!(
        status(&h),
        "Saved: New deal Acme Corp – Insight Plus ($9,500, Lead)"
    );
    assert_eq!(
        count(
            &h,
            "SELECT COUNT(*) FROM deals WHERE customer_id = 1 AND product_id = 2 AND rep_id = 1
             AND amount_cents = 950000 AND stage = 'Lead' AND expected_close_on = '2026-12-26'"
        ),
        1
    );
    assert!(
        h.app
            .pipeline
            .column_cards(0)
            .iter()
            .any(|c| c.title == "Acme Corp – Insight Plus"),
        "the card joins the board"
    );
    undo_restores(&mut h, &before);
    assert!(
        h.app.pipeline.column_cards(0).is_empty(),
        "undo takes the card off the board"
    );
    h.press_with(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(h.app.pipeline.column_cards(0).len(), 1, "redo puts it back");
}

#[test]
fn the_new_deal_form_at_80x24() {
    let mut h = new_deal_form();
    tab(&mut h);
    tab(&mut h);
    tab(&mut h);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings.bind(|| insta::assert_snapshot!(h.render_text()));
}

#[test]
fn editing_a_deal_changes_its_owner_and_title() {
    let mut h = fixture_board(120, 30);
    let before = book(&h);
    open_record(&mut h, RecordRef::Deal(3));
    h.press(KeyCode::Char('e'));
    retype(&mut h, "Acme expansion");
    tab(&mut h);
    retype(&mut h, "Dev");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(
        status(&h),
        "Saved: Proposal deal for Acme Corp: Title 'Proposal deal for Acme Corp' → 'Acme expansion', Owner Ann Lee → Dev Patel"
    );
    assert_eq!(count(&h, "SELECT rep_id FROM deals WHERE id = 3"), 4);
    undo_restores(&mut h, &before);
}

#[test]
fn an_activity_with_a_long_note_is_logged_on_the_deal() {
    let mut h = fixture_board(120, 30);
    let before = book(&h);
    open_record(&mut h, RecordRef::Deal(3));
    h.press(KeyCode::Char('a'));
    tab(&mut h);
    tab(&mut h);
    tab(&mut h);
    h.press_with(KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert!(
        h.app.record_form.as_ref().unwrap().text_box,
        "no terminal here: the box opens"
    );
    h.type_text("Called the CFO.");
    h.press(KeyCode::Enter);
    h.type_text("Budget in Q1.");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Enter);
    assert_eq!(
        status(&h),
        "Saved: Call logged on Proposal deal for Acme Corp (2026-11-26)"
    );
    assert_eq!(
        text(&h, "SELECT text FROM activities WHERE deal_id = 3"),
        "Called the CFO.\nBudget in Q1."
    );
    undo_restores(&mut h, &before);
}

#[test]
fn a_follow_up_from_a_deal_comes_prefilled() {
    let mut h = fixture_board(120, 30);
    let before = book(&h);
    open_record(&mut h, RecordRef::Deal(3));
    h.press(KeyCode::Char('f'));
    assert!(
        h.render_text().contains("→ 2026-11-29"),
        "due in three days"
    );
    h.press(KeyCode::Enter);
    assert_eq!(
        status(&h),
        "Saved: New task 'Follow up: Proposal deal for Acme Corp' for Ann Lee"
    );
    assert_eq!(
        count(
            &h,
            "SELECT COUNT(*) FROM tasks WHERE kind = 'follow-up' AND deal_id = 3
             AND customer_id = 1 AND rep_id = 1 AND due_on = '2026-11-29'"
        ),
        1
    );
    undo_restores(&mut h, &before);
}

#[test]
fn a_quota_from_the_palette() {
    let mut h = fixture_board(120, 30);
    let before = book(&h);
    h.press(KeyCode::Char(':'));
    h.type_text("quota");
    h.press(KeyCode::Enter);
    h.type_text("bo");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.record_form.as_ref().unwrap().text("quarter"),
        "2026-Q4"
    );
    retype(&mut h, "2026Q4");
    tab(&mut h);
    h.type_text("120,000");
    h.press(KeyCode::Enter);
    assert_eq!(status(&h), "Saved: Quota Bo Chen 2026-Q4 set to $120,000");
    assert_eq!(
        count(
            &h,
            "SELECT amount_cents FROM quotas WHERE rep_id = 2 AND quarter = '2026-Q4'"
        ),
        12_000_000
    );
    undo_restores(&mut h, &before);
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_is_written() {
    let mut h = fixture_app(120, 30);
    let before = book(&h);
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Enter);
    assert_eq!(error_of(&h), "name: cannot be empty");
    assert!(
        h.render_text()
            .contains("✗ name: cannot be empty — nothing saved")
    );
    assert_eq!(h.app.record_form.as_ref().unwrap().focus, 0);
    h.press(KeyCode::Esc);

    let mut h = new_deal_form();
    tab(&mut h);
    retype(&mut h, "12,5,0");
    h.press(KeyCode::Enter);
    assert_eq!(
        error_of(&h),
        "amount: '12,5,0' is not an amount (e.g. 12,500 or 12500.50)"
    );
    let form = h.app.record_form.as_ref().unwrap();
    assert_eq!(
        form.fields[form.focus].name, "amount",
        "the cursor goes to it"
    );
    retype(&mut h, "9,500");
    for _ in 0..2 {
        tab(&mut h);
    }
    retype(&mut h, "2026-02-30");
    h.press(KeyCode::Enter);
    assert_eq!(
        error_of(&h),
        "close date: 2026-02-30 is not a day of the calendar"
    );
    h.press(KeyCode::BackTab);
    h.press(KeyCode::BackTab);
    h.press(KeyCode::BackTab);
    h.press(KeyCode::BackTab);
    retype(&mut h, "Zzz");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Enter);
    assert_eq!(
        error_of(&h),
        "product: no product is named 'Zzz'; type to pick one from the list"
    );
    assert_eq!(book(&h), before, "nothing was written");
    assert!(h.render_text().contains("Zzz"), "the typed values stay");
}

#[test]
fn a_likely_duplicate_asks_before_it_is_created() {
    let mut h = fixture_app(120, 30);
    let before = book(&h);
    h.press(KeyCode::Char('n'));
    h.type_text("ACME Corp.");
    tab(&mut h);
    h.type_text("Retail");
    tab(&mut h);
    h.type_text("North");
    h.press(KeyCode::Enter);
    assert!(
        h.render_text()
            .contains("Looks like Acme Corp (same name). Create anyway?")
    );
    h.press(KeyCode::Char('n'));
    assert_eq!(book(&h), before, "no: nothing written, the form stays");
    assert_eq!(
        h.app.record_form.as_ref().unwrap().text("name"),
        "ACME Corp."
    );
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('y'));
    assert_eq!(status(&h), "Saved: New customer ACME Corp.");
    assert_eq!(
        count(
            &h,
            "SELECT COUNT(*) FROM customers WHERE name = 'ACME Corp.'"
        ),
        1
    );
    undo_restores(&mut h, &before);
}

#[test]
fn the_help_and_the_palette_list_the_form_commands() {
    let mut h = fixture_board(120, 30);
    h.press(KeyCode::Char(':'));
    h.type_text("new ");
    let lines: Vec<String> = h
        .app
        .palette
        .suggestions
        .iter()
        .map(|s| s.line.clone())
        .collect();
    for line in ["new customer", "new deal", "new contact"] {
        assert!(lines.iter().any(|l| l == line), "{lines:?}");
    }
    h.press(KeyCode::Esc);
    h.apply(Action::Command(Command::ToggleHelp));
    let mut help = String::new();
    for _ in 0..40 {
        help.push_str(&h.render_text());
        h.press(KeyCode::PageDown);
    }
    assert!(help.contains("new deal for this customer"));
    assert!(help.contains("log a call, email, meeting or note"));
    assert!(help.contains("Record form"));
}

#[test]
fn on_a_demo_book_file_a_deal_and_a_call_save_and_undo() {
    use salesdesk::db::demo::{DemoOptions, generate};
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    let opts = DemoOptions {
        customers: 150,
        deals: 1_200,
        ..DemoOptions::standard(common::as_of())
    };
    generate(&mut conn, &opts, false).unwrap();
    let app = salesdesk::tui::App::load(
        &conn,
        "demo.db".into(),
        common::as_of(),
        salesdesk::tui::app::Message::default(),
    )
    .unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(120, 30);
    let before = book(&h);
    let (customer, product): (String, String) = h
        .conn()
        .query_row(
            "SELECT c.name, p.name FROM customers c, products p ORDER BY c.id, p.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    h.press(KeyCode::Char('n'));
    h.type_text(&customer);
    h.press(KeyCode::Enter);
    h.type_text(&product);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert!(status(&h).starts_with("Saved: New deal "), "{}", status(&h));
    let deal: i64 = count(&h, "SELECT MAX(id) FROM deals");
    open_record(&mut h, RecordRef::Deal(deal));
    h.press(KeyCode::Char('a'));
    for _ in 0..3 {
        tab(&mut h);
    }
    h.type_text("Intro call");
    h.press(KeyCode::Enter);
    assert!(
        status(&h).starts_with("Saved: Call logged on "),
        "{}",
        status(&h)
    );
    h.press(KeyCode::Char('u'));
    h.press(KeyCode::Char('u'));
    assert_eq!(book(&h), before, "two undos take both back");
}
