//! The kept analyses as the desk shows them: a book reopened unchanged says its numbers are kept
//! and from when, `:refit` forgets them and computes afresh, and a long job's step shows in the
//! status line while it runs.

mod common;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use salesdesk::analytics::scoring::ScoringSettings;
use salesdesk::db::demo::DemoOptions;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::{Headless, buffer_text, render};
use salesdesk::worker::{Job, JobKind, JobStep};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 15).unwrap()
}

/// A demo book in a file of its own, so the desk can be opened on it twice.
fn book() -> (tempfile::TempDir, std::path::PathBuf) {
    common::demo_book_file(&DemoOptions {
        customers: 150,
        deals: 900,
        months: 24,
        seed: 21,
        as_of: as_of(),
    })
}

/// The desk opened on `path` at 140×40, its opening jobs run, on the Tiers screen.
fn desk_on_tiers(path: &std::path::Path) -> Headless {
    let conn = salesdesk::db::open(path).unwrap().conn;
    let app = App::load(&conn, "book.db".into(), as_of(), Message::info("Opened")).unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(140, 40);
    h.press(KeyCode::Char('3'));
    h
}

fn status_line(h: &Headless) -> String {
    h.render_text()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_book_reopened_unchanged_says_its_numbers_are_kept_until_refit() {
    let (_dir, path) = book();
    let first = desk_on_tiers(&path);
    assert!(
        status_line(&first).contains("ready · tiers "),
        "{}",
        status_line(&first)
    );
    assert!(
        !status_line(&first).contains("kept"),
        "{}",
        status_line(&first)
    );
    drop(first);
    let mut again = desk_on_tiers(&path);
    let line = status_line(&again);
    assert!(line.contains("ready · tiers kept from "), "{line}");
    assert!(line.contains("(book unchanged)"), "{line}");
    again.press(KeyCode::Char(':'));
    again.type_text("refit");
    again.press(KeyCode::Enter);
    let line = status_line(&again);
    assert!(
        line.contains("refitting every analysis from the book ("),
        "{line}"
    );
    assert!(!line.contains("(0 kept"), "{line}");
    again.press(KeyCode::Char('3'));
    assert!(
        !status_line(&again).contains("kept"),
        "{}",
        status_line(&again)
    );
}

#[test]
fn a_long_jobs_step_shows_in_the_status_line_while_it_runs() {
    let (_dir, path) = book();
    let mut h = desk_on_tiers(&path);
    h.app.jobs.request(Job::Scores {
        as_of: as_of(),
        settings: ScoringSettings::default(),
    });
    let asked = h.app.jobs.take_outbox();
    let generation = asked[0].generation;
    h.app.jobs.take_step(
        JobKind::Scores,
        generation - 1,
        JobStep {
            label: "an older request",
            done: 1,
            of: 4,
        },
    );
    h.app.jobs.take_step(
        JobKind::Scores,
        generation,
        JobStep {
            label: "reading the deals",
            done: 1,
            of: 4,
        },
    );
    let text = buffer_text(&render(&h.app));
    let line = text.lines().last().unwrap_or_default();
    assert!(
        line.contains("fitting scores: reading the deals (1/4)…"),
        "{line}"
    );
}
