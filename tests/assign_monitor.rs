//! Assignment plans against results on a hand-made book where the answer is known: a task marked
//! done records the as-of day (undone and redone with it), an accepted plan is stored with its
//! predictions (marked undone by undo, live again by redo), per rep the tasks done on time before
//! and after the plan, `salesdesk report monitor`, and the Tasks screen's popup (`m`).

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use rusqlite::{Connection, params};
use salesdesk::analytics::monitor::assign::{OnTime, PlanCheck, check_plans};
use salesdesk::db::{assign_plans, edits, task_edits};
use salesdesk::domain::TaskChange;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;

/// November 2026 (the 16th is a Monday).
fn nov(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("a day of November")
}

fn apply(conn: &mut Connection, change: TaskChange, today: NaiveDate) -> edits::Saved {
    task_edits::apply(conn, &change, today, "2026-11-16 09:00:00", "tester").expect("saved")
}

fn task(conn: &Connection, id: i64, rep: i64, due: u32, minutes: i64, done: Option<u32>) {
    let status = if done.is_some() { "done" } else { "open" };
    conn.execute(
        "INSERT INTO tasks (id, title, kind, rep_id, due_on, est_minutes, status, done_on)
         VALUES (?1, ?2, 'call', ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            format!("Task {id}"),
            rep,
            nov(due).to_string(),
            minutes,
            status,
            done.map(|d| nov(d).to_string())
        ],
    )
    .expect("task");
}

/// The fixture (every customer's call due 1 December, 30 minutes, with its owner) and, around
/// a plan accepted on Monday 16 November that moves task 1 from Ann Lee (1) to Dev Patel (4):
///
/// - Ann, before: 101 due 10th done on time, 102 due 12th done the 13th (late), 103 due 13th
///   cancelled (left out), 104 due 8th done on time (in the 28-day window, not in a 7-day one).
/// - Bo Chen (2), before: 201 due 11th done on time; 202 due 15th done with no day recorded
///   (left out: not known).
/// - Open at acceptance: Ann 111 due 17th (200 min) and 112 due 18th (600 min): at 240 minutes a
///   working day, 111 fits (200 of 480) and 112 does not (800 of 720); Bo 211 due 20th (60 min).
/// - After: Ann marks 111 done on the 17th and 112 on the 19th; 113, added after, due the 20th
///   done that day; Bo's 211 stays open. Ann 2 of 3, Bo 0 of 1.
fn book(conn: &mut Connection) {
    task(conn, 101, 1, 10, 30, Some(10));
    task(conn, 102, 1, 12, 30, Some(13));
    task(conn, 103, 1, 13, 30, None);
    conn.execute("UPDATE tasks SET status = 'cancelled' WHERE id = 103", [])
        .expect("cancel");
    task(conn, 104, 1, 8, 30, Some(8));
    task(conn, 201, 2, 11, 30, Some(11));
    task(conn, 202, 2, 15, 30, None);
    conn.execute("UPDATE tasks SET status = 'done' WHERE id = 202", [])
        .expect("done without a day");
    task(conn, 111, 1, 17, 200, None);
    task(conn, 112, 1, 18, 600, None);
    task(conn, 211, 2, 20, 60, None);
    let accept = TaskChange::AcceptPlan {
        moves: vec![(1, 4)],
        minutes_per_day: 240,
    };
    apply(conn, accept, nov(16));
    apply(conn, TaskChange::Done { task_id: 111 }, nov(17));
    apply(conn, TaskChange::Done { task_id: 112 }, nov(19));
    task(conn, 113, 1, 20, 30, Some(20));
}

fn checks(conn: &Connection, window: i64) -> Vec<PlanCheck> {
    check_plans(
        &assign_plans::plan_facts(conn).expect("facts"),
        common::as_of(),
        window,
    )
}

fn counts(o: OnTime) -> (usize, usize) {
    (o.on_time, o.due)
}

#[test]
fn on_time_before_and_after_per_rep_next_to_the_prediction() {
    let mut conn = common::fixture_db();
    book(&mut conn);
    let week = checks(&conn, 7);
    assert_eq!(week.len(), 1);
    let plan = &week[0];
    assert_eq!(plan.accepted_on, nov(16));
    assert_eq!((plan.before_from, plan.after_until), (nov(9), nov(23)));
    let names: Vec<&str> = plan.reps.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Bo Chen", "Cleo Díaz", "Dev Patel"]);
    let (ann, bo, dev) = (&plan.reps[0], &plan.reps[1], &plan.reps[3]);
    assert_eq!(counts(ann.before), (1, 2));
    assert_eq!(counts(ann.after), (2, 3));
    assert_eq!(counts(ann.predicted), (1, 2));
    assert_eq!(
        (ann.predicted_open_tasks, ann.predicted_load_minutes),
        (3, 830)
    );
    assert_eq!(counts(bo.before), (1, 1));
    assert_eq!(counts(bo.after), (0, 1));
    assert_eq!(counts(bo.predicted), (1, 1));
    assert_eq!(
        (bo.predicted_open_tasks, bo.predicted_load_minutes),
        (5, 180)
    );
    assert_eq!(dev.predicted_open_tasks, 3, "two of his own and task 1");
    assert_eq!(dev.after.words(), "no tasks due");
    let month = checks(&conn, 28);
    let ann = &month[0].reps[0];
    assert_eq!(counts(ann.before), (2, 3), "the 8th is in a 28-day window");
    assert_eq!(ann.after.words(), "2 of 3 (67%)");
    assert_eq!(month[0].after_days, 10);
    assert_eq!(
        month[0].after_note(28).as_deref(),
        Some("10 of 28 days so far")
    );
}

fn plan_rows(conn: &Connection) -> (i64, i64, i64, i64) {
    conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(undone), 0),
                (SELECT COUNT(*) FROM assign_plan_reps), (SELECT COUNT(*) FROM assign_plan_tasks)
         FROM assign_plans",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .expect("plan rows")
}

#[test]
fn an_accepted_plan_is_stored_and_undo_and_redo_keep_it_consistent() {
    let mut conn = common::fixture_db();
    let saved = apply(
        &mut conn,
        TaskChange::AcceptPlan {
            moves: vec![(1, 4), (3, 2)],
            minutes_per_day: 240,
        },
        nov(16),
    );
    assert_eq!(saved.summary, "plan accepted: 2 tasks moved");
    let batch: i64 = conn
        .query_row("SELECT batch FROM assign_plans", [], |r| r.get(0))
        .expect("stored");
    assert_eq!(batch, saved.batch, "keyed by the plan's own edit batch");
    // Four active reps (Ann now holds none) and the twelve open tasks, all due 1 December.
    assert_eq!(plan_rows(&conn), (1, 0, 4, 12));
    assert_eq!(checks(&conn, 28).len(), 1);
    edits::undo(&mut conn).expect("undo").expect("undone");
    assert_eq!(plan_rows(&conn), (1, 1, 4, 12), "kept, marked undone");
    assert!(
        checks(&conn, 28).is_empty(),
        "an undone plan is not monitored"
    );
    edits::redo(&mut conn).expect("redo").expect("redone");
    assert_eq!(plan_rows(&conn), (1, 0, 4, 12));
    assert_eq!(checks(&conn, 28).len(), 1);
    let refused = task_edits::apply(
        &mut conn,
        &TaskChange::AcceptPlan {
            moves: vec![(1, 4)],
            minutes_per_day: 240,
        },
        nov(17),
        "now",
        "tester",
    );
    assert!(refused.is_err(), "nothing changed: no second plan stored");
    assert_eq!(plan_rows(&conn).0, 1);
}

fn done_on(conn: &Connection, id: i64) -> (String, Option<String>) {
    conn.query_row(
        "SELECT status, done_on FROM tasks WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("task")
}

#[test]
fn done_records_the_as_of_day_and_undo_clears_it() {
    let mut conn = common::fixture_db();
    apply(&mut conn, TaskChange::Done { task_id: 2 }, nov(17));
    assert_eq!(
        done_on(&conn, 2),
        ("done".into(), Some("2026-11-17".into()))
    );
    let words: Vec<String> = edits::history(&conn, 10)
        .expect("history")
        .into_iter()
        .map(|l| l.words)
        .collect();
    assert!(
        words.contains(&"Done on set to 2026-11-17".to_string()),
        "{words:?}"
    );
    edits::undo(&mut conn).expect("undo").expect("undone");
    assert_eq!(done_on(&conn, 2), ("open".into(), None));
    edits::redo(&mut conn).expect("redo").expect("redone");
    assert_eq!(
        done_on(&conn, 2),
        ("done".into(), Some("2026-11-17".into()))
    );
}

fn file_book(dir: &Path) -> PathBuf {
    let path = dir.join("assign.db");
    let mut conn = salesdesk::db::open(&path).expect("open").conn;
    common::fill(&conn);
    book(&mut conn);
    path
}

#[test]
fn report_monitor_prints_the_assignment_plans_as_json_and_text() {
    let dir = tempfile::tempdir().expect("dir");
    let db = file_book(dir.path());
    let out = common::bin::salesdesk(&db, &["report", "monitor", "--json"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let section = &json["assignment_plans"];
    assert_eq!(section["window_days"], 28);
    let plan = &section["plans"][0];
    assert_eq!(plan["accepted_on"], "2026-11-16");
    assert_eq!(plan["after_until"], "2026-11-26");
    let ann = &plan["reps"][0];
    assert_eq!(ann["name"], "Ann Lee");
    assert_eq!(ann["before"]["on_time"], 2);
    assert_eq!(ann["before"]["due"], 3);
    assert_eq!(ann["after"]["on_time"], 2);
    assert_eq!(ann["predicted"]["due"], 2);
    assert_eq!(ann["predicted_load_minutes"], 830);
    assert!(json["channels"].is_array(), "the channels stay");
    assert!(json["models"].is_object(), "the models stay");
    let out = common::bin::salesdesk(&db, &["report", "monitor"]);
    let text = common::bin::stdout(&out);
    assert!(
        text.contains("plan accepted 2026-11-16 (10 of 28 days so far)"),
        "{text}"
    );
    let ann = text
        .lines()
        .find(|l| l.starts_with("Ann Lee"))
        .expect("Ann's row");
    assert_eq!(
        ann.split_whitespace().collect::<Vec<_>>().join(" "),
        "Ann Lee 2 of 3 (67%) 2 of 3 (67%) 1 of 2 (50%) 3 13.8"
    );
    assert!(text.contains("Dev Patel"), "{text}");
}

#[test]
fn the_tasks_screen_shows_plans_against_results_at_80_by_24() {
    let mut conn = common::fixture_db();
    book(&mut conn);
    let app = App::load(
        &conn,
        "fixture.db".into(),
        common::as_of(),
        Message::info("Opened fixture.db"),
    )
    .expect("app");
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(80, 24);
    h.press(KeyCode::Char('5'));
    h.press(KeyCode::Char('m'));
    let shown = h.render_text();
    assert!(shown.contains("Plans against results"), "{shown}");
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings.bind(|| insta::assert_snapshot!(shown));
    h.press(KeyCode::Esc);
    assert!(h.app.tasks.results.is_none(), "Esc closes it");
}

#[test]
fn tasks_import_their_done_on_day_only_when_done() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("book.db");
    let file = dir.path().join("tasks.csv");
    std::fs::write(
        &file,
        "title,status,due_on,done_on\nCall back,done,2026-11-10,2026-11-12\n\
         Send quote,open,2026-11-20,2026-11-18\n",
    )
    .expect("csv");
    let file = file.to_str().expect("path");
    let out = common::bin::salesdesk(&db, &["import", file, "--kind", "tasks"]);
    let report = common::bin::stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{report}");
    assert!(
        report.contains("line 3, done_on: a task that is open has no done-on day"),
        "{report}"
    );
    let out = common::bin::salesdesk(&db, &["import", file, "--kind", "tasks", "--skip-bad"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let conn = Connection::open(&db).expect("open");
    let done: Option<String> = conn
        .query_row(
            "SELECT done_on FROM tasks WHERE title = 'Call back'",
            [],
            |r| r.get(0),
        )
        .expect("imported");
    assert_eq!(done.as_deref(), Some("2026-11-12"));
}

#[test]
fn the_demo_book_has_done_on_days_and_one_past_plan() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.db");
    let out = common::bin::salesdesk(&db, &["demo", "--customers", "150", "--deals", "900"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let conn = Connection::open(&db).expect("open");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(
        count("SELECT COUNT(*) FROM tasks WHERE status = 'done' AND done_on IS NULL"),
        0
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM tasks WHERE done_on > '2026-11-26'"),
        0,
        "never after the as-of day"
    );
    assert!(count("SELECT COUNT(*) FROM tasks WHERE done_on > due_on") > 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM assign_plans WHERE accepted_on = '2026-11-12'"),
        1
    );
    assert!(count("SELECT COUNT(*) FROM assign_plan_tasks") > 0);
}
