//! Merge and erase lose and leave nothing: a merge is undone exactly; an erased email is in no
//! byte of the file after VACUUM (edit log included) and no undo brings it back; the redacted
//! copy holds no personal field; every file written is the owner's alone.

mod common;

use std::path::Path;

use common::bin::{salesdesk, stderr, stdout};
use rusqlite::Connection;
use salesdesk::db::records::{self, ContactInput, NewActivity, Stamp};
use salesdesk::db::{edits, privacy};

const EMAIL: &str = "jane.doe@example.org";
const NAME: &str = "Jane Doe";

fn stamp() -> Stamp<'static> {
    Stamp {
        at: "2026-11-26 10:00:00",
        actor: "tester",
        today: common::as_of(),
    }
}

/// Every table a merge or an erase touches, every column, in rowid order.
fn dump(conn: &Connection) -> Vec<Vec<rusqlite::types::Value>> {
    common::table_rows(
        conn,
        &[
            "customers",
            "contacts",
            "customer_tags",
            "deals",
            "activities",
            "tasks",
        ],
    )
}

/// The fixture in a file, with Jane Doe as a contact of Northwind Traders (customer 3), written,
/// edited and mentioned in an activity through the desk's record writes (so the edit log holds her).
fn book(dir: &Path) -> (std::path::PathBuf, Connection, i64) {
    let path = dir.join("book.db");
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    common::fill(&conn);
    let jane = ContactInput {
        name: NAME.into(),
        role: "Buyer".into(),
        email: "jane@old.example.org".into(),
        phone: "+44 20 7946 0018".into(),
    };
    let id = records::add_contact(&mut conn, 3, &jane, stamp())
        .unwrap()
        .id;
    let moved = ContactInput {
        email: EMAIL.into(),
        ..jane
    };
    records::edit_contact(&mut conn, id, &moved, stamp()).unwrap();
    records::log_activity(
        &mut conn,
        &NewActivity {
            customer_id: Some(3),
            deal_id: None,
            rep_id: Some(1),
            kind: "call".into(),
            happened_on: common::as_of(),
            text: format!("Called {NAME} at {EMAIL}\nabout the renewal"),
        },
        stamp(),
    )
    .unwrap();
    (path, conn, id)
}

/// The bytes of the database file and of any journal beside it.
fn file_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    for suffix in ["-wal", "-journal"] {
        if let Ok(more) = std::fs::read(format!("{}{suffix}", path.display())) {
            bytes.extend(more);
        }
    }
    bytes
}

fn holds(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn vacuumed(conn: &Connection) {
    conn.execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

#[test]
fn a_merge_moves_everything_and_one_undo_restores_the_book_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut conn, _) = book(dir.path());
    conn.execute_batch(
        "INSERT INTO customer_tags (customer_id, kind, tag) VALUES
             (1, 'need', 'speed'), (2, 'need', 'speed'), (2, 'interest', 'cloud');
         INSERT INTO contacts (customer_id, name, email) VALUES (2, 'Ed West', 'ed@acme.example');",
    )
    .unwrap();
    let before = dump(&conn);
    let written = records::merge_customers(&mut conn, 1, 2, stamp()).unwrap();
    assert_eq!(
        written.summary,
        "Merged customer Acme West (2) into Acme Corp (1): moved 4 deals, 1 contacts, 1 activities, 1 tasks"
    );
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("SELECT COUNT(*) FROM customers WHERE id = 2"), 0);
    assert_eq!(count("SELECT COUNT(*) FROM deals WHERE customer_id = 1"), 8);
    assert_eq!(count("SELECT COUNT(*) FROM tasks WHERE customer_id = 1"), 2);
    assert_eq!(
        count("SELECT COUNT(*) FROM activities WHERE customer_id = 1"),
        2
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM contacts WHERE customer_id = 1"),
        1
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM customer_tags WHERE customer_id = 1"),
        2,
        "the shared tag stays once, the other moves"
    );
    let after = dump(&conn);
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert!(
        undone
            .summary
            .starts_with("undone: Merged customer Acme West")
    );
    assert_eq!(dump(&conn), before);
    edits::redo(&mut conn).unwrap().unwrap();
    assert_eq!(dump(&conn), after);
    assert!(records::merge_customers(&mut conn, 1, 1, stamp()).is_err());
    assert!(records::merge_customers(&mut conn, 1, 2, stamp()).is_err());
}

#[test]
fn an_erased_contact_is_in_no_byte_of_the_file_and_no_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut conn, jane) = book(dir.path());
    assert!(holds(
        &{
            vacuumed(&conn);
            file_bytes(&path)
        },
        EMAIL
    ));
    let deals_before = common::table_rows(&conn, &["deals"]);
    let erased = privacy::erase_contact(&mut conn, jane, "2026-11-27 09:00:00", "tester").unwrap();
    assert_eq!(
        erased.summary,
        format!("Erased contact {jane}'s personal data (of customer 3)")
    );
    let (name, email, phone, role): (String, String, String, String) = conn
        .query_row(
            "SELECT name, email, phone, role FROM contacts WHERE id = ?1",
            [jane],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (name.as_str(), email.as_str(), phone.as_str(), role.as_str()),
        (format!("Erased contact {jane}").as_str(), "", "", "Buyer")
    );
    assert_eq!(
        common::table_rows(&conn, &["deals"]),
        deals_before,
        "amounts and dates stay"
    );
    let history = edits::history(&conn, 1).unwrap();
    assert_eq!(history[0].words, erased.summary);
    assert!(!history[0].undone);
    while edits::undo(&mut conn).unwrap().is_some() {}
    vacuumed(&conn);
    let bytes = file_bytes(&path);
    for secret in [EMAIL, "jane@old.example.org", NAME, "7946 0018"] {
        assert!(!holds(&bytes, secret), "{secret} is still in the file");
    }
    assert_eq!(
        conn.query_row("SELECT COUNT(*) FROM customers", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        12
    );
}

#[test]
fn an_erased_customer_keeps_its_amounts_and_loses_its_name_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut conn, _) = book(dir.path());
    let amounts = |conn: &Connection| {
        conn.prepare("SELECT id, amount_cents, stage, created_on, closed_on FROM deals ORDER BY id")
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
    };
    let before = amounts(&conn);
    privacy::erase_customer(&mut conn, 3, "2026-11-27 09:00:00", "tester").unwrap();
    assert_eq!(amounts(&conn), before);
    vacuumed(&conn);
    let bytes = file_bytes(&path);
    for secret in ["Northwind Traders", EMAIL, NAME, "about the renewal"] {
        assert!(!holds(&bytes, secret), "{secret} is still in the file");
    }
    assert!(holds(&bytes, "Acme Corp"), "other customers stay");
}

#[test]
fn the_command_line_exports_a_person_erases_and_writes_a_redacted_copy_all_private() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn, jane) = book(dir.path());
    drop(conn);
    let out = salesdesk(&path, &["export", "person", "--contact", &jane.to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["contact"]["email"], EMAIL);
    assert_eq!(json["customer"]["name"], "Northwind Traders");
    assert_eq!(json["activities_naming_them"].as_array().unwrap().len(), 1);
    assert_eq!(json["edits"].as_array().unwrap().len(), 2);

    let person = dir.path().join("person.json");
    let out = salesdesk(
        &path,
        &[
            "export",
            "person",
            "--customer",
            "3",
            person.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&person).unwrap()).unwrap();
    assert_eq!(json["customer"]["name"], "Northwind Traders");
    assert_eq!(json["deals"].as_array().unwrap().len(), 4);
    assert_eq!(json["contacts"][0]["email"], EMAIL);

    let redacted = dir.path().join("redacted.db");
    let out = salesdesk(&path, &["export", "--redact", redacted.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = file_bytes(&redacted);
    for secret in [
        EMAIL,
        NAME,
        "Northwind Traders",
        "Acme Corp",
        "Ann Lee",
        "rep1@example.com",
    ] {
        assert!(!holds(&bytes, secret), "{secret} is in the redacted copy");
    }
    let copy = Connection::open(&redacted).unwrap();
    let total: i64 = copy
        .query_row("SELECT SUM(amount_cents) FROM deals", [], |r| r.get(0))
        .unwrap();
    let original = Connection::open(&path).unwrap();
    let expected: i64 = original
        .query_row("SELECT SUM(amount_cents) FROM deals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(total, expected, "amounts stay");
    drop(original);
    let again = salesdesk(&path, &["export", "--redact", redacted.to_str().unwrap()]);
    assert!(!again.status.success());

    let out = salesdesk(&path, &["erase", "contact", &jane.to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !holds(&file_bytes(&path), EMAIL),
        "the command compacts the file itself"
    );
    let out = salesdesk(&path, &["merge", "customer", "1", "2"]);
    assert!(stdout(&out).starts_with("Merged customer Acme West (2) into Acme Corp (1)"));

    let csv = dir.path().join("deals.csv");
    let backup = dir.path().join("backup.db");
    assert!(
        salesdesk(&path, &["export", "deals", csv.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        salesdesk(&path, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    let fresh = dir.path().join("fresh.db");
    let out = salesdesk(&fresh, &["demo", "--customers", "20", "--deals", "50"]);
    assert!(out.status.success(), "{}", stderr(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for file in [&path, &person, &redacted, &csv, &backup, &fresh] {
            let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.display());
        }
    }
}
