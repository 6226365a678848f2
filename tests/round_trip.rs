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
