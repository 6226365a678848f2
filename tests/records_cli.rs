//! `salesdesk add`, `show` and `find`: each capture path writes one undoable batch; each bad
//! input is refused naming the field, exit 2, with nothing written.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{salesdesk_on, stderr, stdout};
use serde_json::Value;

const TODAY: &str = "2026-11-26";

/// The fixture book in a file in `dir`.
fn book(dir: &Path) -> PathBuf {
    let path = dir.join("book.db");
    let conn = salesdesk::db::open(&path).unwrap().conn;
    common::fill(&conn);
    path
}

fn run(db: &Path, args: &[&str]) -> Value {
    let out = salesdesk_on(db, TODAY, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(stdout(&out).trim()).expect("JSON on stdout")
}

fn counts(db: &Path) -> Vec<i64> {
    let conn = salesdesk::db::open(db).unwrap().conn;
    [
        "customers",
        "contacts",
        "customer_tags",
        "deals",
        "activities",
        "tasks",
        "edits",
    ]
    .iter()
    .map(|t| {
        conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

#[test]
fn each_capture_path_writes_one_undoable_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = book(dir.path());
    let c = run(
        &db,
        &[
            "add",
            "customer",
            "--name",
            "Lakeside Ltd",
            "--industry",
            "Retail",
            "--region",
            "North",
            "--owner",
            "Bo Chen",
            "--need",
            "Faster invoicing",
            "--interest",
            "Analytics",
            "--contact",
            "Jo Park",
            "--contact-email",
            "jo@lakeside.example",
            "--json",
        ],
    );
    assert_eq!(c["summary"], "New customer Lakeside Ltd");
    let id = c["id"].as_i64().unwrap().to_string();
    let k = run(
        &db,
        &[
            "add",
            "contact",
            "--customer",
            "Lakeside Ltd",
            "--name",
            "Al Vega",
            "--role",
            "CTO",
            "--json",
        ],
    );
    assert_eq!(k["summary"], "Contact Al Vega added to Lakeside Ltd");
    let d = run(
        &db,
        &[
            "add",
            "deal",
            "--customer",
            &id,
            "--product",
            "core pro",
            "--close",
            "+30d",
            "--json",
        ],
    );
    assert_eq!(
        d["summary"],
        "New deal Lakeside Ltd – Core Pro ($4,800, Lead)"
    );
    let deal = d["id"].as_i64().unwrap().to_string();
    let a = run(
        &db,
        &[
            "add",
            "activity",
            "--deal",
            &deal,
            "--kind",
            "meeting",
            "--text",
            "Demo went well",
            "--json",
        ],
    );
    assert_eq!(
        a["summary"],
        format!("Meeting logged on Lakeside Ltd – Core Pro ({TODAY})")
    );
    let t = run(
        &db,
        &["add", "task", "--deal", &deal, "--due", "eom", "--json"],
    );
    assert_eq!(
        t["summary"],
        "New task 'Follow up: Lakeside Ltd – Core Pro' for Bo Chen"
    );
    let shown = run(&db, &["show", "deal", &deal, "--json"]);
    assert_eq!(shown["tasks"][0]["due"], "2026-11-30");
    assert_eq!(shown["owner"]["name"], "Bo Chen", "the customer's owner");
    assert_eq!(shown["expected_close_on"], "2026-12-26");
    assert_eq!(shown["activities"][0]["text"], "Demo went well");
    let customer = run(&db, &["show", "customer", &id, "--json"]);
    assert_eq!(customer["needs"][0], "Faster invoicing");
    assert_eq!(customer["contacts"].as_array().map(Vec::len), Some(2));
    let found = run(&db, &["find", "lakeside", "--json"]);
    let kinds: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["customer", "contact", "deal"],
        "Jo Park by her email"
    );
    let text = stdout(&salesdesk_on(&db, TODAY, &["show", "deal", &deal]));
    assert!(text.contains("Expected close 2026-12-26"), "{text}");
    let mut conn = salesdesk::db::open(&db).unwrap().conn;
    for _ in 0..5 {
        salesdesk::db::edits::undo(&mut conn).unwrap().unwrap();
    }
    drop(conn);
    assert_eq!(counts(&db)[..6], counts_of_fixture()[..6]);
}

fn counts_of_fixture() -> Vec<i64> {
    let dir = tempfile::tempdir().unwrap();
    counts(&book(dir.path()))
}

#[test]
fn bad_input_names_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = book(dir.path());
    let before = counts(&db);
    let cases: [(&[&str], &str); 8] = [
        (
            &["add", "task", "--deal", "3", "--kind", "lunch"],
            "kind: 'lunch' is not one of call",
        ),
        (
            &[
                "add",
                "customer",
                "--name",
                " ",
                "--industry",
                "Retail",
                "--region",
                "North",
            ],
            "name: cannot be empty",
        ),
        (
            &["add", "deal", "--customer", "1", "--product", "Nope"],
            "product: there is no product 'Nope'",
        ),
        (
            &[
                "add",
                "deal",
                "--customer",
                "1",
                "--product",
                "1",
                "--close",
                "2026-02-30",
            ],
            "close: 2026-02-30 is not a day of the calendar",
        ),
        (
            &[
                "add",
                "deal",
                "--customer",
                "1",
                "--product",
                "1",
                "--amount",
                "12,5,0",
            ],
            "amount: '12,5,0' is not an amount",
        ),
        (
            &[
                "add",
                "customer",
                "--name",
                "ACME Corp.",
                "--industry",
                "Retail",
                "--region",
                "North",
            ],
            "likely duplicate of Acme Corp",
        ),
        (
            &["add", "activity", "--customer", "1", "--kind", "fax"],
            "kind: 'fax' is not one of call, email, meeting, note",
        ),
        (
            &[
                "add",
                "contact",
                "--customer",
                "1",
                "--name",
                "X",
                "--email",
                "nobody",
            ],
            "email: 'nobody' has no @",
        ),
    ];
    for (args, needle) in cases {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let out = salesdesk_on(&db, TODAY, &with_json);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err: Value = serde_json::from_str(stderr(&out).trim()).expect("a JSON error");
        assert_eq!(err["kind"], "bad_input", "{args:?}");
        assert!(
            err["error"].as_str().unwrap().contains(needle),
            "{args:?}: {err}"
        );
    }
    assert_eq!(counts(&db), before);
    let forced = salesdesk_on(
        &db,
        TODAY,
        &[
            "add",
            "customer",
            "--name",
            "ACME Corp.",
            "--industry",
            "Retail",
            "--region",
            "North",
            "--force",
        ],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
}
