//! `:import` in the desk: the worker imports, the report pops up and scrolls, the screens refresh;
//! a running import shows a progress bar.

mod common;

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use salesdesk::import::Progress;
use salesdesk::tui::headless::Headless;

fn run_command(h: &mut Headless, line: &str) {
    h.press(KeyCode::Char(':'));
    h.type_text(line);
    h.press(KeyCode::Enter);
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const MAPPING: &str = "kind = \"customers\"\nkey = \"name\"\n[columns]\nname = \"Company\"\nindustry = \"Sector\"\nregion = \"Region\"\n";

#[test]
fn an_import_shows_its_report_and_the_new_customers() {
    let mut h = common::fixture_app(100, 24);
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "new.csv",
        "Company,Sector,Region,Fax\nZephyr Imports,Retail,West,1\nYonder Labs,Biotech,North,2\n,Retail,West,3\n",
    );
    let mapping = write(dir.path(), "map.toml", MAPPING);

    run_command(&mut h, &format!("import {csv} {mapping}"));
    let screen = h.render_text();
    assert!(screen.contains("Import report"), "{screen}");
    assert!(
        screen.contains("line 4, Company: is empty; a customer needs a name"),
        "{screen}"
    );
    assert!(screen.contains("ignored columns: Fax"), "{screen}");
    assert_eq!(
        h.app.message.text,
        "nothing was written: 1 rows were rejected"
    );
    assert!(h.app.message.is_error);
    h.press(KeyCode::Esc);
    assert!(!h.render_text().contains("Import report"));

    run_command(&mut h, &format!("import {csv} {mapping} --skip-bad"));
    assert_eq!(
        h.app.message.text,
        "imported customers: 2 created, 0 updated"
    );
    let popup = h.render_text();
    assert!(popup.contains("created              2"), "{popup}");
    let folder = dir.path().display().to_string();
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings.bind(|| {
        insta::assert_snapshot!("import_report_popup", popup.replace(&folder, "[dir]"));
    });
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.import.report.as_ref().map(|r| r.scroll), Some(1));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('/'));
    h.type_text("zephyr");
    assert_eq!(
        common::visible_names(&h),
        ["Zephyr Imports"],
        "the table was reloaded"
    );
}

#[test]
fn bad_import_lines_say_how_to_import() {
    let mut h = common::fixture_app(100, 24);
    run_command(&mut h, "import only-a-file.csv");
    assert!(h.app.message.is_error);
    assert!(
        h.app
            .message
            .text
            .starts_with("usage: :import FILE MAPPING.toml"),
        "{}",
        h.app.message.text
    );
    run_command(&mut h, "import /nonexistent/deals.csv --kind deals");
    assert!(h.app.message.is_error);
    assert!(
        h.app
            .message
            .text
            .contains("cannot read /nonexistent/deals.csv"),
        "{}",
        h.app.message.text
    );
    assert!(h.app.import.report.is_none());
}

#[test]
fn a_running_import_shows_a_progress_bar_in_the_status_line() {
    let mut h = common::fixture_app(100, 24);
    h.app.import.progress = Some(Progress {
        rows: 400_000,
        bytes: 45,
        total_bytes: 100,
    });
    let screen = h.render_text();
    let status = screen.lines().last().unwrap_or_default().to_string();
    assert!(status.contains("import 400,000 rows"), "{status}");
    assert!(status.contains('━') || status.contains('─'), "{status}");
}

#[test]
fn the_worker_reports_progress_before_the_report() {
    use salesdesk::import::{ImportJob, ImportOptions, MappingSource, OnConflict, RecordKind};
    use salesdesk::worker::{Job, Output, Request, Worker};

    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("name,industry,region\n");
    for i in 0..20_000 {
        csv.push_str(&format!("Customer {i},Retail,West\n"));
    }
    let file = write(dir.path(), "customers.csv", &csv);
    let conn = salesdesk::db::open(&dir.path().join("book.db"))
        .unwrap()
        .conn;
    let (worker, replies) = Worker::spawn(conn).unwrap();
    worker.submit(Request {
        generation: 1,
        job: Job::Import(Box::new(ImportJob {
            file: file.into(),
            mapping: MappingSource::Default(RecordKind::Customers),
            options: ImportOptions {
                on_conflict: OnConflict::Fail,
                dry_run: false,
                skip_bad: false,
                as_of: common::as_of(),
                overwrite: false,
            },
            encoding: None,
        })),
    });
    let mut progress = Vec::new();
    let report = loop {
        let reply = replies
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the import answers");
        match reply.output {
            Output::ImportProgress(p) => progress.push(p.rows),
            Output::Imported(result) => break result.unwrap(),
            other => panic!("unexpected {other:?}"),
        }
    };
    assert_eq!(report.created, 20_000);
    assert_eq!(progress, [8_192, 16_384, 20_000]);
}
