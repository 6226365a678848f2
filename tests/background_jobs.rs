//! The first frame comes from a page of customers; the rest arrives from the worker, and replies
//! to requests that were overtaken are dropped.

mod common;

use rusqlite::params;
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::app::{App, FIRST_PAGE_ROWS, Message};
use salesdesk::tui::screen::Screen;
use salesdesk::tui::screens::customers::Detail;
use salesdesk::tui::update;
use salesdesk::worker::{self, JobKind, Worker};

fn many_customers(n: usize) -> rusqlite::Connection {
    let conn = common::fixture_db();
    let mut stmt = conn
        .prepare("INSERT INTO customers (name, industry, region, created_on) VALUES (?1, 'Retail', 'North', '2024-01-01')")
        .unwrap();
    for i in 0..n {
        stmt.execute(params![format!("Extra customer {i:04}")])
            .unwrap();
    }
    drop(stmt);
    conn
}

#[test]
fn first_frame_shows_a_page_and_the_worker_fills_in_the_rest() {
    let conn = many_customers(FIRST_PAGE_ROWS + 50);
    let total = FIRST_PAGE_ROWS + 50 + common::CUSTOMERS.len();
    let mut app = App::load(&conn, "many.db".into(), common::as_of(), Message::default()).unwrap();
    assert!(!app.customers.index.complete);
    assert_eq!(app.customers.index.rows.len(), FIRST_PAGE_ROWS);
    assert_eq!(app.customers.index.total, total);
    assert!(app.jobs.running().contains(&JobKind::CustomerIndex));
    let mut h = salesdesk::tui::headless::Headless::new(app.clone(), conn);
    h.resize(110, 20);
    assert!(h.app.customers.index.complete);
    assert_eq!(h.app.customers.visible_len(), total);

    // While loading, the frame says so.
    app.size = (110, 20);
    let conn2 = common::fixture_db();
    let loading = salesdesk::tui::headless::Headless::new(
        App {
            jobs: Default::default(),
            screen: Screen::Customers,
            ..app
        },
        conn2,
    );
    assert!(
        loading
            .render_text()
            .contains(&format!("loading all {total} customers"))
    );
}

#[test]
fn a_reply_overtaken_by_a_newer_request_is_dropped() {
    let mut conn = common::fixture_db();
    let mut app = App::load(&conn, "f.db".into(), common::as_of(), Message::default()).unwrap();
    update(
        &mut app,
        Action::Command(Command::ShowScreen(Screen::Customers)),
    );
    app.jobs.take_outbox();
    update(&mut app, Action::Command(Command::ToggleDetail));
    update(&mut app, Action::Command(Command::Down));
    // Opening the detail also asks for the customers' values and scores, once.
    let requests: Vec<_> = app
        .jobs
        .take_outbox()
        .into_iter()
        .filter(|r| r.job.kind() == JobKind::CustomerDetail)
        .collect();
    assert_eq!(requests.len(), 2, "one detail request per selection");
    let wanted = app.customers.selected_row().map(|r| r.id);
    let replies: Vec<_> = requests
        .into_iter()
        .map(|r| worker::execute(&mut conn, r))
        .collect();
    // The newer reply arrives first, then the stale one: the stale one must not win.
    update(&mut app, Action::Worker(Box::new(replies[1].clone())));
    update(&mut app, Action::Worker(Box::new(replies[0].clone())));
    let Detail::Shown(detail) = &app.customers.detail else {
        panic!("{:?}", app.customers.detail);
    };
    assert_eq!(Some(detail.id), wanted);
}

#[test]
fn the_worker_thread_serves_requests_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let opened = salesdesk::db::open(&path).unwrap();
    common::fill(&opened.conn);
    let mut app = App::load(
        &opened.conn,
        "w.db".into(),
        common::as_of(),
        Message::default(),
    )
    .unwrap();
    let (worker, replies) = Worker::spawn(opened.conn).unwrap();
    update(
        &mut app,
        Action::Command(Command::ShowScreen(Screen::Customers)),
    );
    update(&mut app, Action::Command(Command::ToggleDetail));
    for request in app.jobs.take_outbox() {
        worker.submit(request);
    }
    while app.busy() {
        let reply = replies
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        update(&mut app, Action::Worker(Box::new(reply)));
    }
    assert!(
        matches!(app.customers.detail, Detail::Shown(_)),
        "{:?} {:?}",
        app.customers.detail,
        app.message
    );
    assert!(!app.busy());
    drop(worker);
}

#[test]
fn heavy_scans_and_writes_run_on_separate_threads_and_all_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let opened = salesdesk::db::open(&path).unwrap();
    common::fill(&opened.conn);
    let mut app = App::load(
        &opened.conn,
        "two.db".into(),
        common::as_of(),
        Message::default(),
    )
    .unwrap();
    let analytics = salesdesk::db::open(&path).unwrap().conn;
    let (workers, replies) = salesdesk::worker::Workers::spawn(opened.conn, analytics).unwrap();
    update(&mut app, Action::Command(Command::MoveRight));
    update(&mut app, Action::Command(Command::MoveRight));
    update(&mut app, Action::Command(Command::NextStage));
    for request in app.jobs.take_outbox() {
        workers.submit(request);
    }
    while app.busy() {
        let reply = replies
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        update(&mut app, Action::Worker(Box::new(reply)));
        for request in app.jobs.take_outbox() {
            workers.submit(request);
        }
    }
    assert!(
        app.message.text.contains("moved to Negotiation"),
        "{:?}",
        app.message
    );
    assert!(app.pipeline.kpis.is_some());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let fresh = salesdesk::db::board::load_totals(
        &conn,
        &app.pipeline.catalogue,
        &app.pipeline.filter,
        app.pipeline.period,
    )
    .unwrap();
    assert_eq!(
        app.pipeline.totals,
        Some(fresh),
        "totals agree with the database after the race"
    );
}
