//! `:export FILE` in the desk: the current screen's view, exactly as filtered, written by the
//! worker, with the outcome in the status line.

mod common;

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::headless::Headless;

fn run_command(h: &mut Headless, line: &str) {
    h.press(KeyCode::Char(':'));
    h.type_text(line);
    h.press(KeyCode::Enter);
}

fn export_to(h: &mut Headless, path: &Path) {
    run_command(h, &format!("export {}", path.display()));
}

#[test]
fn customers_export_holds_exactly_the_searched_rows_in_screen_order() {
    // 80 columns hide industry and region on screen; the file still has every column.
    let mut h = common::fixture_app(80, 24);
    h.press(KeyCode::Char('/'));
    h.type_text("acme");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('S'));
    assert_eq!(common::visible_names(&h), ["Acme West", "Acme Corp"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.csv");
    export_to(&mut h, &path);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Name,Industry,Region,Owner,Open pipeline,Revenue 12m,Last activity\n\
         Acme West,Manufacturing,South,Cleo Díaz,22000.00,2000.00,2026-03-10\n\
         Acme Corp,Manufacturing,North,Ann Lee,24000.00,1000.00,2026-02-10\n"
    );
    assert_eq!(
        h.app.message.text,
        format!("exported 2 customers to {}", path.display())
    );
    assert!(!h.app.message.is_error);
    assert_eq!(
        common::visible_names(&h),
        ["Acme West", "Acme Corp"],
        "exporting leaves the view as it was"
    );
}

#[test]
fn board_export_holds_the_deals_under_its_filter() {
    let mut h = common::fixture_board(120, 30);
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.pipeline.filter.rep_id, Some(1));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.csv");
    export_to(&mut h, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().take(4).collect::<Vec<_>>(),
        ["id", "external_id", "customer_id", "customer"]
    );
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[3].to_string(), r[10].to_string())
        })
        .collect();
    let row = |id: &str, customer: &str, stage: &str| (id.into(), customer.into(), stage.into());
    // Ann Lee's open deals, and those closed in the board's period (the trailing year): the
    // deals won in 2024 and lost in mid-2025 are off the board, so out of the file.
    assert_eq!(
        rows,
        [
            row("1", "Acme Corp", "Won"),
            row("3", "Acme Corp", "Proposal"),
            row("9", "Northwind Traders", "Won"),
            row("11", "Northwind Traders", "Proposal"),
        ]
    );
    assert_eq!(
        h.app.message.text,
        format!("exported 4 deals to {}", path.display())
    );
}

#[test]
fn a_bad_export_line_says_what_is_wrong() {
    let mut h = common::fixture_app(100, 24);
    run_command(&mut h, "export");
    assert!(h.app.message.is_error);
    assert!(
        h.app.message.text.contains(":export FILE"),
        "{}",
        h.app.message.text
    );
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/folder.csv");
    export_to(&mut h, &missing);
    assert!(h.app.message.is_error);
    assert!(
        h.app.message.text.contains("does not exist"),
        "{}",
        h.app.message.text
    );
    h.app.customers.index.complete = false;
    export_to(&mut h, &dir.path().join("partial.csv"));
    assert!(
        h.app.message.text.contains("still loading"),
        "{}",
        h.app.message.text
    );
    assert!(
        !dir.path().join("partial.csv").exists(),
        "half a list is never written"
    );
    run_command(&mut h, "exporting");
    assert!(h.app.message.text.starts_with("unknown command :exporting"));
}
