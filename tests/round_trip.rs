//! An export followed by an import with the default mapping gives back exactly the same book.

mod common;

use common::bin::salesdesk;
use std::process::Output;

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const KINDS: [&str; 6] = [
    "reps",
    "products",
    "customers",
    "deals",
    "tasks",
    "channel-months",
];

#[test]
fn export_then_import_round_trips_every_kind_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    ok(salesdesk(
        &source,
        &["demo", "--customers", "150", "--deals", "900"],
    ));
    let copy = dir.path().join("copy.db");
    for kind in KINDS {
        let first = dir.path().join(format!("{kind}.csv"));
        let first = first.to_str().unwrap();
        ok(salesdesk(&source, &["export", kind, first]));
        let report = ok(salesdesk(&copy, &["import", first, "--kind", kind]));
        assert!(
            report.contains("rejected             0"),
            "{kind}: {report}"
        );
        let again = dir.path().join(format!("{kind}-again.csv"));
        ok(salesdesk(&copy, &["export", kind, again.to_str().unwrap()]));
        let (a, b) = (
            std::fs::read_to_string(first).unwrap(),
            std::fs::read_to_string(&again).unwrap(),
        );
        assert!(a.lines().count() > 1, "{kind}: the demo has none");
        assert_eq!(a, b, "{kind} did not round-trip");
    }
    // Importing the same files again with update changes nothing and adds nothing.
    for kind in KINDS {
        let first = dir.path().join(format!("{kind}.csv"));
        let report = ok(salesdesk(
            &copy,
            &[
                "import",
                first.to_str().unwrap(),
                "--kind",
                kind,
                "--on-conflict",
                "update",
            ],
        ));
        assert!(
            report.contains("created              0"),
            "{kind}: {report}"
        );
        let again = dir.path().join(format!("{kind}-third.csv"));
        ok(salesdesk(&copy, &["export", kind, again.to_str().unwrap()]));
        assert_eq!(
            std::fs::read_to_string(first).unwrap(),
            std::fs::read_to_string(again).unwrap()
        );
    }
}

/// Names a spreadsheet would run as formulas go out with a leading `'` (raw with `--raw`), and
/// the import of the export gives back exactly the names that were stored.
#[test]
fn formula_like_names_are_guarded_in_the_export_and_come_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    ok(salesdesk(&source, &["demo", "--customers", "7"]));
    let names = [
        "=HYPERLINK(\"http://x\",\"click\")",
        "+1 555 0100",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "'t Hooft",
        "-5",
        "Plain & Sons",
    ];
    {
        let conn = rusqlite::Connection::open(&source).unwrap();
        for (id, name) in (1..).zip(names) {
            conn.execute(
                "UPDATE customers SET name = ?1 WHERE id = ?2",
                rusqlite::params![name, id],
            )
            .unwrap();
        }
    }
    let safe = dir.path().join("safe.csv");
    let raw = dir.path().join("raw.csv");
    ok(salesdesk(
        &source,
        &["export", "customers", safe.to_str().unwrap()],
    ));
    ok(salesdesk(
        &source,
        &["export", "customers", raw.to_str().unwrap(), "--raw"],
    ));
    let cells = |path: &std::path::Path| -> Vec<String> {
        csv::Reader::from_path(path)
            .unwrap()
            .records()
            .map(|r| r.unwrap()[2].to_string())
            .collect()
    };
    assert_eq!(
        cells(&safe)[..5],
        [
            "'=HYPERLINK(\"http://x\",\"click\")",
            "'+1 555 0100",
            "'-2+3+cmd|' /C calc'!A0",
            "'@SUM(A1:A9)",
            "''t Hooft",
        ]
    );
    assert_eq!(cells(&safe)[5], "-5", "a number is not a formula");
    assert_eq!(cells(&raw)[..5], names[..5]);
    let copy = dir.path().join("copy.db");
    let reps = dir.path().join("reps.csv");
    ok(salesdesk(
        &source,
        &["export", "reps", reps.to_str().unwrap()],
    ));
    ok(salesdesk(
        &copy,
        &["import", reps.to_str().unwrap(), "--kind", "reps"],
    ));
    ok(salesdesk(
        &copy,
        &["import", safe.to_str().unwrap(), "--kind", "customers"],
    ));
    let back: Vec<String> = rusqlite::Connection::open(&copy)
        .unwrap()
        .prepare("SELECT name FROM customers ORDER BY id LIMIT 7")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(back, names);
}
