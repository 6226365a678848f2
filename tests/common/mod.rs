//! A small hand-made book of business with known answers, for the screen and database tests.

#![allow(dead_code)]

pub mod bin;
pub mod lists;

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use salesdesk::tui::App;
use salesdesk::tui::action::{Action, Command};
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::screen::Screen;

/// The date every fixture test treats as today.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

/// Customers of the fixture: name, industry, region, owner rep id.
pub const CUSTOMERS: &[(&str, &str, &str, i64)] = &[
    ("Acme Corp", "Manufacturing", "North", 1),
    ("Acme West", "Manufacturing", "South", 3),
    ("Northwind Traders", "Retail", "North", 1),
    ("Müller Logistik GmbH", "Logistics", "Central", 2),
    ("東京精密工業", "Manufacturing", "Central", 2),
    ("Rocket 🚀 Labs", "Software", "South", 3),
    ("Café Olé Bistro", "Hospitality", "North", 4),
    ("Zenith Health", "Healthcare", "Central", 2),
    ("Blue Harbor Foods", "Retail", "South", 3),
    ("Orion Retail", "Retail", "North", 4),
    ("Pinecrest Bank", "Finance", "Central", 2),
    ("Quartz Energy", "Energy", "South", 3),
];

/// A demo book made with `options` in a file of its own, so that a second connection (or the
/// desk, twice) can open it; the folder goes when the `TempDir` is dropped.
pub fn demo_book_file(
    options: &salesdesk::db::demo::DemoOptions,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    salesdesk::db::demo::generate(&mut conn, options, false).unwrap();
    (dir, path)
}

/// Creates the fixture in a fresh in-memory database.
pub fn fixture_db() -> Connection {
    let opened = salesdesk::db::open(std::path::Path::new(":memory:")).unwrap();
    let conn = opened.conn;
    fill(&conn);
    conn
}

/// Fills `conn` (migrated, empty) with the fixture rows.
pub fn fill(conn: &Connection) {
    let reps = [
        (1, "Ann Lee", "North"),
        (2, "Bo Chen", "Central"),
        (3, "Cleo Díaz", "South"),
        (4, "Dev Patel", "North"),
    ];
    for (id, name, region) in reps {
        conn.execute(
            "INSERT INTO reps (id, name, email, team, region, max_open_tasks) VALUES (?1, ?2, ?3, ?4, ?5, 20)",
            params![id, name, format!("rep{id}@example.com"), format!("{region} team"), region],
        )
        .unwrap();
    }
    conn.execute_batch(
        "INSERT INTO products (id, name, family, list_price_cents, margin_bp) VALUES
            (1, 'Core Pro', 'Core', 480000, 7200),
            (2, 'Insight Plus', 'Analytics', 950000, 6000),
            (3, 'Onboarding Pack', 'Services', 300000, 3500);",
    )
    .unwrap();
    for (i, (name, industry, region, owner)) in CUSTOMERS.iter().enumerate() {
        let id = i as i64 + 1;
        conn.execute(
            "INSERT INTO customers (id, name, industry, region, employees, annual_revenue_cents,
                                    owner_rep_id, created_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '2023-01-15')",
            params![id, name, industry, region, 50 * id, 100_000_000 * id, owner],
        )
        .unwrap();
        // Won in the trailing year: (id * 1,000) dollars; won two years ago: 500 dollars.
        // Open: (13 - id) * 2,000 dollars at Proposal; one lost deal each.
        let deals = [
            (
                "Won",
                id * 100_000,
                "2023-02-01",
                Some("2026-06-30"),
                None::<&str>,
            ),
            ("Won", 50_000, "2024-01-05", Some("2024-03-01"), None),
            (
                "Proposal",
                (13 - id) * 200_000,
                "2026-09-01",
                None,
                Some("2026-12-15"),
            ),
            ("Lost", 70_000, "2025-05-01", Some("2025-07-01"), None),
        ];
        for (stage, amount, created, closed, expected) in deals {
            conn.execute(
                "INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                                    created_on, expected_close_on, closed_on, lost_reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    owner,
                    1 + id % 3,
                    format!("{stage} deal for {name}"),
                    amount,
                    stage,
                    created,
                    expected.or(closed),
                    closed,
                    (stage == "Lost").then_some("Price"),
                ],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO activities (customer_id, rep_id, kind, happened_on) VALUES (?1, ?2, 'call', ?3)",
            params![id, owner, format!("2026-{:02}-10", 1 + id % 11)],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO tasks (title, kind, customer_id, rep_id, due_on) VALUES (?1, 'call', ?2, ?3, '2026-12-01')",
            params![format!("Call {name}"), id, owner],
        )
        .unwrap();
    }
}

/// A headless app over the fixture, `width`×`height` cells, on the customers screen.
pub fn fixture_app(width: u16, height: u16) -> Headless {
    let mut headless = fixture_board(width, height);
    headless.apply(Action::Command(Command::ShowScreen(Screen::Customers)));
    headless
}

/// A headless app over the fixture, `width`×`height` cells, on the board (where it opens).
pub fn fixture_board(width: u16, height: u16) -> Headless {
    let mut headless = desk(
        fixture_db(),
        "fixture.db",
        as_of(),
        Message::info("Opened fixture.db"),
    );
    headless.resize(width, height);
    headless
}

/// The desk over `conn` (shown as `name`) as of `on`, in the monochrome theme the snapshots
/// are taken in, opening with `message`.
pub fn desk(conn: Connection, name: &str, on: NaiveDate, message: Message) -> Headless {
    let app = App::load(&conn, name.into(), on, message).unwrap();
    let mut headless = Headless::new(app, conn);
    headless.app.theme = salesdesk::tui::theme::Theme::monochrome();
    headless
}

/// Names of the visible customers, in order.
pub fn visible_names(headless: &Headless) -> Vec<String> {
    headless
        .app
        .customers
        .visible_rows()
        .map(|r| r.name.clone())
        .collect()
}

/// Every row of `tables`, every column, each table in rowid order: a whole-book comparison for
/// undo and redo tests.
pub fn table_rows(conn: &Connection, tables: &[&str]) -> Vec<Vec<rusqlite::types::Value>> {
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            rows.push((0..n).map(|i| r.get(i).unwrap()).collect());
        }
    }
    rows
}

/// A headless desk, monochrome, `width`×`height`, over the Maven excerpt imported with
/// `import_on` as today and opened as of 2018-01-01 (the export's last days); keep the folder.
pub fn maven_desk(import_on: &str, width: u16, height: u16) -> (tempfile::TempDir, Headless) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("maven.db");
    bin::import_maven_on(&db, import_on);
    let conn = salesdesk::db::open(&db).unwrap().conn;
    let as_of = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
    let app = App::load(&conn, "maven.db".into(), as_of, Message::default()).unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(width, height);
    (dir, h)
}
